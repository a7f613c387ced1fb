import { parseUrl, punycodeDecode, punycodeEncode, type ParsedUrl } from "../../../src/rules/identifiers/url";

/** What a check reads of a URL. */
function fields(u: ParsedUrl | URL): object {
  const { protocol, username, password, hostname, port, pathname, search } = u;
  return {
    protocol,
    username,
    password,
    hostname,
    port,
    pathname,
    search,
    memberId: u.searchParams.get("memberId"),
  };
}

/** WHATWG `new URL` (Node's), or undefined where it throws. */
function viaWhatwg(input: string): object | undefined {
  try {
    return fields(new URL(input));
  } catch {
    return undefined;
  }
}

function viaOwnParser(input: string): object | undefined {
  const u = parseUrl(input);
  return u && fields(u);
}

/** Real and lookalike 1688 links and the URL Standard's traps. */
const CORPUS = [
  "https://detail.1688.com/offer/612345678901.html",
  "https://shop1432227742039.1688.com/page/offerlist.htm",
  "https://b2b-2201234567890abcd.1688.com/page/creditdetail.htm?memberId=b2b-22&x=1",
  "https://winport.m.1688.com/page/index.html?memberId=B2B-2201+x%20y",
  "http://1688.com.evil.top/x",
  "https://detail.1688.com.offer-cn.top/6123.html",
  "https://1688.com@evil.top/",
  "https://user:pw@shop1.1688.com",
  "http://@1688.com/",
  "http://user@/x",
  "http:\\\\evil.com\\1688.com",
  "http:///evil.com",
  "http:evil.com",
  "HTTPS://DETAIL.1688.COM/OFFER/1.HTML",
  "http://１６８８。com/offer/1.html",
  "http://1688%2ecom.evil.top/",
  "http://%31688.com/",
  "http://%zz.com/",
  "http://%ff.com/",
  "http://xn--1688-abc.com/",
  "http://xn--fiqs8s.com",
  "http://中国.com",
  "http://ÉXAMPLE.com",
  "http://шоп1688.com/",
  "http://1688.com\u00ad.evil/",
  "http://a\u3000b.com/",
  "http://a b.com/",
  "http://1688.com:443/",
  "https://1688.com:443/",
  "http://example.com:0080/",
  "http://1688.com:abc/",
  "http://example.com:65536/",
  "http://1688/",
  "http://0x7f.1/",
  "http://1.2.3.4.5/",
  "http://256.1/",
  "http://0x100000000/",
  "http://09.1/",
  "http://1688.com./",
  "http://l688.com/",
  "http://[::1]:8080/",
  "http://evil.com/../offer/./1.html",
  "http://evil.com/a/%2e%2E/b/%2e",
  "http://evil.com/中文 path?q=中文'x#frag",
  "  \thttp://detail.1688.com/offer/\n1.html  ",
  "javascript://1688.com/%0aalert(1)",
  "ftp://1688.com/",
  "file:///C:/x",
  "file://1688.com/x",
  "foo://1688.COM/x",
  "mailto:a@b.com",
];

/** A seeded stream of numbers in [0, 1): the same links on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = {
  scheme: ["http://", "https://", "HTTP://", "http:\\\\", "https:/", "http:", "ftp://", "ws://"],
  userinfo: ["", "", "", "user@", "1688.com@", "a:b@", "@", "x@y@", "%40@"],
  host: [
    "1688.com",
    "detail.1688.com",
    "shop123.1688.com",
    "1688.com.evil.top",
    "l688.com",
    "1688.cn",
    "１６８８．com",
    "1688。com",
    "DeTaIl.1688.CoM",
    "1688%2Ecom",
    "%E4%B8%AD.com",
    "中文.com",
    "xn--fiqs8s.1688.com",
    "1688.com.",
    "127.0.0.1",
    "0x7f.0.0.1",
    "1688",
    "a..b",
    "",
  ],
  port: ["", "", ":80", ":443", ":8080", ":", ":0", ":99999", ":x"],
  path: [
    "",
    "/",
    "/offer/612345678901.html",
    "\\offer\\1.html",
    "/a/../b",
    "/%2e/x",
    "/中 文",
    "/b2b-abc123.html",
  ],
  query: ["", "?memberId=b2b-22012345", "?memberId=B2B%2D1&x", "?a=1&memberId=", "?q='\"<>"],
  fragment: ["", "#top", "#a b"],
};

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function generatedLinks(count: number): string[] {
  const next = random(1688);
  return Array.from({ length: count }, () =>
    [
      pick(next, PIECES.scheme),
      pick(next, PIECES.userinfo),
      pick(next, PIECES.host),
      pick(next, PIECES.port),
      pick(next, PIECES.path),
      pick(next, PIECES.query),
      pick(next, PIECES.fragment),
    ].join(""),
  );
}

describe("parseUrl", () => {
  it.each(CORPUS)("reads %j as WHATWG new URL does (or fails where it throws)", (input) => {
    expect(viaOwnParser(input)).toEqual(viaWhatwg(input));
  });

  it("agrees with WHATWG new URL on 3,000 generated links mixing credentials, hosts, ports and paths", () => {
    const differences = generatedLinks(3000)
      .filter((input) => JSON.stringify(viaOwnParser(input)) !== JSON.stringify(viaWhatwg(input)))
      .slice(0, 5);
    expect(differences).toEqual([]);
  });

  it("uses no URL global, so it works where the runtime lacks one", () => {
    const saved = globalThis.URL;
    try {
      (globalThis as { URL?: unknown }).URL = undefined;
      expect(parseUrl("https://1688.com.evil.top/offer/1.html")?.hostname).toBe("1688.com.evil.top");
    } finally {
      globalThis.URL = saved;
    }
  });
});

describe("punycode", () => {
  it.each([
    ["中国", "fiqs8s"],
    ["münchen", "mnchen-3ya"],
    ["шоп1688", "1688-45dg5d"],
    ["bücher", "bcher-kva"],
  ])("encodes %s as %s and back", (label, code) => {
    expect(punycodeEncode(label)).toBe(code);
    expect(punycodeDecode(code)).toBe(label);
  });

  it("rejects a code that is not punycode", () => {
    expect(punycodeDecode("9999999999a")).toBeUndefined();
  });
});
