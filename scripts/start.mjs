#!/usr/bin/env node
/**
 * `npm start`: build the add-in (webpack production), serve dist/ on localhost and say how
 * to sideload it into Excel.
 *
 *   npm start                 build, serve until Ctrl-C
 *   npm start -- --once       build, serve, check the server answers, exit (also when CI=true)
 *   npm start -- --no-build   serve the existing dist/
 *   PORT=3001 npm start       another port (dist/manifest.xml is built to match)
 *
 * The server is https when the Office dev certificate exists
 * (~/.office-addin-dev-certs, made by `npx office-addin-dev-certs install`); Excel loads
 * add-ins over https only. Otherwise it serves http, which is enough for the preview page.
 * Every file is sent with "Access-Control-Allow-Origin: *": Excel on the web reads
 * functions.json from its own origin.
 * On Windows and macOS, when office-addin-debugging is installed, it also sideloads
 * dist/manifest.xml into Excel desktop and removes it again on Ctrl-C.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, createReadStream } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { get as httpGet } from "node:http";
import { get as httpsGet } from "node:https";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const require = createRequire(import.meta.url);

const args = new Set(process.argv.slice(2));
const once = args.has("--once") || process.env.CI === "true";
const build = !args.has("--no-build");
const forceHttp = args.has("--http");
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535)
  exit(`PORT must be a port number, got "${process.env.PORT}"`);

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * Excel on the web fetches functions.json (and the functions script) from its own origin,
 * so they must be served with CORS. The files are public static assets: any origin may read.
 */
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
};
/** How the icons are served: cacheable for a day (see cacheControl). */
const CACHEABLE = "public, max-age=86400";
/** Files Excel reads cross-origin: the check fails without their CORS header. */
const CROSS_ORIGIN = new Set(["/functions.json", "/functions.js"]);

const certDir = join(homedir(), ".office-addin-dev-certs");
const certFiles = { cert: join(certDir, "localhost.crt"), key: join(certDir, "localhost.key") };
const https = !forceHttp && existsSync(certFiles.cert) && existsSync(certFiles.key);
const origin = `${https ? "https" : "http"}://localhost:${port}`;

if (build) runBuild();
if (!existsSync(join(dist, "taskpane.html")))
  exit("dist/ has no taskpane.html: run the build first (npm run build)");

const server = https
  ? createHttpsServer({ cert: readFileSync(certFiles.cert), key: readFileSync(certFiles.key) }, handle)
  : createHttpServer(handle);

server.on("error", (error) => {
  if (error.code === "EADDRINUSE") exit(`port ${port} is in use: stop the other server or set PORT`);
  exit(`server error: ${error.message}`);
});

server.listen(port, "localhost", async () => {
  if (once) {
    const failures = await checkServer();
    server.close();
    if (failures.length > 0) exit(`the server did not answer as expected:\n  ${failures.join("\n  ")}`);
    say(
      `Served dist/ at ${origin}: taskpane, preview, functions (with CORS), manifest, support page and icons (cacheable) answered.`,
    );
    printHelp();
    return;
  }
  say(`Serving dist/ at ${origin} (Ctrl-C to stop).`);
  printHelp();
  const debugging = maybeSideloadDesktop();
  process.on("SIGINT", () => shutDown(debugging));
  process.on("SIGTERM", () => shutDown(debugging));
});

function runBuild() {
  const webpack = require.resolve("webpack-cli/bin/cli.js");
  // The built manifest must name the port we serve on.
  const env = { ...process.env, ADDIN_ORIGIN: process.env.ADDIN_ORIGIN ?? `https://localhost:${port}` };
  say("Building (webpack --mode production)...");
  const run = spawnSync(process.execPath, [webpack, "--mode", "production"], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  if (run.status !== 0) exit("the build failed (see the webpack output above)");
}

/** Serves a file from dist/ with its MIME type; never outside dist/. */
function handle(request, response) {
  const url = new URL(request.url ?? "/", origin);
  if (request.method === "OPTIONS") {
    response.writeHead(204, { ...CORS_HEADERS, "Access-Control-Max-Age": "600" }).end();
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD, OPTIONS" }).end();
    return;
  }
  if (url.pathname === "/") {
    response.writeHead(302, { Location: "/preview.html" }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    response.writeHead(400).end("bad request");
    return;
  }
  const file = normalize(join(dist, pathname));
  if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    return;
  }
  response.writeHead(200, {
    ...CORS_HEADERS,
    "Content-Type": MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": statSync(file).size,
    "Cache-Control": cacheControl(pathname),
    "X-Content-Type-Options": "nosniff",
  });
  if (request.method === "HEAD") response.end();
  else createReadStream(file).pipe(response);
}

/**
 * Icons are served cacheable: Office caches the manifest's icons and the Marketplace checks
 * that they are; everything else changes with each build and is never cached.
 */
function cacheControl(pathname) {
  return pathname.startsWith("/assets/") ? CACHEABLE : "no-store";
}

/** Fetches the pages Excel loads and checks status and MIME type; returns what failed. */
async function checkServer() {
  const expected = [
    ["/taskpane.html", "text/html"],
    ["/preview.html", "text/html"],
    ["/functions.html", "text/html"],
    ["/functions.js", "text/javascript"],
    ["/functions.json", "application/json"],
    ["/manifest.xml", "application/xml"],
    ["/support.html", "text/html"],
    ["/assets/icon-32.png", "image/png"],
    ["/assets/icon-64.png", "image/png"],
  ];
  const failures = [];
  for (const [path, type] of expected) {
    try {
      const { status, contentType, allowOrigin, cache } = await fetchHead(`${origin}${path}`);
      if (status !== 200 || !contentType.startsWith(type)) {
        failures.push(`${path}: HTTP ${status}, ${contentType || "no Content-Type"} (expected 200, ${type})`);
      }
      if (path.startsWith("/assets/") && cache !== CACHEABLE) {
        failures.push(`${path}: Cache-Control "${cache}" (icons must be served cacheable: "${CACHEABLE}")`);
      }
      if (CROSS_ORIGIN.has(path) && allowOrigin !== "*") {
        failures.push(
          `${path}: no "Access-Control-Allow-Origin: *" header (Excel on the web reads it cross-origin)`,
        );
      }
    } catch (error) {
      failures.push(`${path}: ${error.message}`);
    }
  }
  return failures;
}

function fetchHead(url) {
  const get = url.startsWith("https:") ? httpsGet : httpGet;
  return new Promise((resolvePromise, reject) => {
    const request = get(url, { rejectUnauthorized: false }, (response) => {
      response.resume();
      resolvePromise({
        status: response.statusCode ?? 0,
        contentType: response.headers["content-type"] ?? "",
        allowOrigin: response.headers["access-control-allow-origin"] ?? "",
        cache: response.headers["cache-control"] ?? "",
      });
    });
    request.on("error", reject);
    request.setTimeout(5000, () => request.destroy(new Error("timed out")));
  });
}

/** Starts office-addin-debugging on Windows/macOS when it is installed; undefined otherwise. */
function maybeSideloadDesktop() {
  if (process.platform !== "win32" && process.platform !== "darwin") return undefined;
  const bin = officeAddinDebuggingBin();
  if (!bin) {
    say(
      "office-addin-debugging is not installed (it is an optional dependency), so Excel desktop is not started for you: sideload by hand as shown above.",
    );
    return undefined;
  }
  if (!https) {
    say("No dev certificate: run `npx office-addin-dev-certs install`, then npm start again to sideload.");
    return undefined;
  }
  say("Sideloading dist/manifest.xml into Excel desktop (office-addin-debugging start)...");
  const manifest = join(dist, "manifest.xml");
  spawn(process.execPath, [bin, "start", manifest, "desktop", "--app", "excel"], {
    cwd: root,
    stdio: "inherit",
  });
  return { bin, manifest };
}

function officeAddinDebuggingBin() {
  try {
    const pkgPath = require.resolve("office-addin-debugging/package.json");
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.["office-addin-debugging"];
    return bin ? join(dirname(pkgPath), bin) : undefined;
  } catch {
    return undefined;
  }
}

function shutDown(debugging) {
  if (debugging) {
    spawnSync(process.execPath, [debugging.bin, "stop", debugging.manifest], { cwd: root, stdio: "inherit" });
  }
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}

function printHelp() {
  const manifest = join(dist, "manifest.xml");
  const lines = [
    "",
    `Preview (no Excel needed): ${origin}/preview.html`,
    "",
    `Sideload ${manifest} into Excel:`,
    "  Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in, choose the manifest.",
    "  Windows: npx office-addin-dev-certs install, then npx office-addin-debugging start dist/manifest.xml",
    "           (or share a folder holding the manifest and add it as a trusted add-in catalog).",
    "  Mac: copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef and restart Excel.",
  ];
  if (!https) {
    lines.push(
      "",
      "Excel loads add-ins over https only and this server is http: run `npx office-addin-dev-certs install`",
      "(Windows, macOS) to create and trust a localhost certificate, then npm start serves https.",
    );
  }
  if (port !== 3000 && build && !process.env.ADDIN_ORIGIN) {
    lines.push(
      "",
      `PORT is ${port}: dist/manifest.xml was built for https://localhost:${port}; use that one.`,
    );
  }
  say(lines.join("\n"));
}

function say(message) {
  process.stdout.write(`${message}\n`);
}

function exit(message) {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(1);
}
