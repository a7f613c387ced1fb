import type { FieldSpec } from "../fields";

/**
 * The product's certificates (CE, FCC, test reports).
 *
 * Its spellings come from Chinese team sheets (认证证书, 证书); English team sheets (Certificates,
 * Certifications). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const certs: FieldSpec<"certs"> = {
  id: "certs",
  kind: "text",
  level: "line",
  aliases: [
    "认证证书",
    "证书",
    "产品证书",
    "产品认证",
    "资质证书",
    "检测报告",
    "Certificates",
    "Certificate",
    "Certs",
    "Cert",
    "Certification",
    "Certifications",
    "CE/FCC",
    "Compliance",
  ],
  keywords: ["证书", "产品认证", "检测报告", "cert", "ce/fcc", "compliance"],
};
