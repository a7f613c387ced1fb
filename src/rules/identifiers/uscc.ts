import { memoizeString } from "../memo";

/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015) and the older
 * 15-digit business registration number (工商注册号, GS 15-2006).
 * python-stdnum style: `compactUscc` cleans, `validateUscc` returns a
 * result with a failure code instead of throwing.
 *
 * Layout: 1 registering department, 2 category, 3-8 administrative division
 * (GB/T 2260), 9-17 the entity's organization code (GB 11714, with its own
 * check character), 18 the check character over the first 17.
 */

export type UsccCode =
  "valid" | "invalid_format" | "invalid_length" | "invalid_checksum" | "invalid_component";

export interface UsccParts {
  department: string;
  departmentName: { en: string; zh: string };
  category: string;
  categoryName: { en: string; zh: string };
  /** Six-digit administrative division of the registering authority. */
  division: string;
  province: { code: string; en: string; zh: string };
  /** Characters 9-17: the GB 11714 organization code. */
  organizationCode: string;
}

export interface UsccResult {
  input: string;
  compact: string;
  valid: boolean;
  code: UsccCode;
  /**
   * `fujian_pilot`: shaped like an early Fujian pilot code (region 35,
   * organization code M0...) and failing the GB 32100 check character: real
   * pilot codes do, and so does a typo in one, so it is not rejected but must
   * be confirmed on gsxt.gov.cn (the licence check gives it a few points).
   * `organization_code_checksum`: the check character is right but
   * the embedded organization code fails its own check (a forger who fixed only
   * the last character looks like this).
   */
  warning?: "fujian_pilot" | "organization_code_checksum";
  parts?: UsccParts;
  message: string;
  messageZh: string;
  /** The national registry: look the company up there (it has a captcha; never fetched here). */
  gsxtUrl: "https://www.gsxt.gov.cn/";
}

export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const GSXT_URL = "https://www.gsxt.gov.cn/" as const;

interface Named {
  en: string;
  zh: string;
}

interface Department extends Named {
  categories: Record<string, Named>;
}

/** Registering departments and their categories (GB 32100-2015, table 1). */
export const USCC_DEPARTMENTS: Readonly<Record<string, Department>> = {
  "1": {
    en: "Institutional staffing (机构编制)",
    zh: "机构编制",
    categories: {
      "1": { en: "government agency", zh: "机关" },
      "2": { en: "public institution", zh: "事业单位" },
      "3": {
        en: "mass organization under the central staffing office",
        zh: "中央编办直接管理机构编制的群众团体",
      },
      "9": { en: "other", zh: "其他" },
    },
  },
  "2": {
    en: "Foreign affairs",
    zh: "外交",
    categories: {
      "1": { en: "resident foreign news agency", zh: "外国常驻新闻机构" },
      "9": { en: "other", zh: "其他" },
    },
  },
  "3": {
    en: "Justice administration",
    zh: "司法行政",
    categories: {
      "1": { en: "law firm", zh: "律师执业机构" },
      "2": { en: "notary office", zh: "公证处" },
      "3": { en: "grassroots legal service office", zh: "基层法律服务所" },
      "4": { en: "forensic appraisal institution", zh: "司法鉴定机构" },
      "5": { en: "arbitration commission", zh: "仲裁委员会" },
      "9": { en: "other", zh: "其他" },
    },
  },
  "4": {
    en: "Culture",
    zh: "文化",
    categories: {
      "1": { en: "foreign cultural centre in China", zh: "外国在华文化中心" },
      "9": { en: "other", zh: "其他" },
    },
  },
  "5": {
    en: "Civil affairs",
    zh: "民政",
    categories: {
      "1": { en: "social organization", zh: "社会团体" },
      "2": { en: "private non-enterprise unit", zh: "民办非企业单位" },
      "3": { en: "foundation", zh: "基金会" },
      "9": { en: "other", zh: "其他" },
    },
  },
  "6": {
    en: "Tourism",
    zh: "旅游",
    categories: {
      "1": { en: "representative office of a foreign tourism authority", zh: "外国旅游部门常驻代表机构" },
      "2": {
        en: "representative office of a Hong Kong, Macao or Taiwan tourism authority",
        zh: "港澳台地区旅游部门常驻内地（大陆）代表机构",
      },
      "9": { en: "other", zh: "其他" },
    },
  },
  "7": {
    en: "Religious affairs",
    zh: "宗教",
    categories: {
      "1": { en: "place of religious activity", zh: "宗教活动场所" },
      "2": { en: "religious college", zh: "宗教院校" },
      "9": { en: "other", zh: "其他" },
    },
  },
  "8": {
    en: "Trade unions",
    zh: "工会",
    categories: {
      "1": { en: "grassroots trade union", zh: "基层工会" },
      "9": { en: "other", zh: "其他" },
    },
  },
  "9": {
    en: "Market regulation (industry and commerce)",
    zh: "工商（市场监管）",
    categories: {
      "1": { en: "enterprise", zh: "企业" },
      "2": { en: "individual business", zh: "个体工商户" },
      "3": { en: "farmers' specialized cooperative", zh: "农民专业合作社" },
    },
  },
  A: {
    en: "Central Military Commission staffing",
    zh: "中央军委改革和编制办公室",
    categories: {
      "1": { en: "military public institution", zh: "军队事业单位" },
      "9": { en: "other", zh: "其他" },
    },
  },
  N: {
    en: "Agriculture",
    zh: "农业",
    categories: {
      "1": { en: "group-level collective economic organization", zh: "组级集体经济组织" },
      "2": { en: "village-level collective economic organization", zh: "村级集体经济组织" },
      "3": { en: "township-level collective economic organization", zh: "乡镇级集体经济组织" },
      "9": { en: "other", zh: "其他" },
    },
  },
  Y: {
    en: "Other registering authority",
    zh: "其他",
    categories: { "1": { en: "other", zh: "其他" } },
  },
};

/** Province-level divisions by the first two digits of a GB/T 2260 code, plus 10 for national registrations. */
export const PROVINCES: Readonly<Record<string, Named>> = {
  "10": { en: "National", zh: "国家（中央）" },
  "11": { en: "Beijing", zh: "北京市" },
  "12": { en: "Tianjin", zh: "天津市" },
  "13": { en: "Hebei", zh: "河北省" },
  "14": { en: "Shanxi", zh: "山西省" },
  "15": { en: "Inner Mongolia", zh: "内蒙古自治区" },
  "21": { en: "Liaoning", zh: "辽宁省" },
  "22": { en: "Jilin", zh: "吉林省" },
  "23": { en: "Heilongjiang", zh: "黑龙江省" },
  "31": { en: "Shanghai", zh: "上海市" },
  "32": { en: "Jiangsu", zh: "江苏省" },
  "33": { en: "Zhejiang", zh: "浙江省" },
  "34": { en: "Anhui", zh: "安徽省" },
  "35": { en: "Fujian", zh: "福建省" },
  "36": { en: "Jiangxi", zh: "江西省" },
  "37": { en: "Shandong", zh: "山东省" },
  "41": { en: "Henan", zh: "河南省" },
  "42": { en: "Hubei", zh: "湖北省" },
  "43": { en: "Hunan", zh: "湖南省" },
  "44": { en: "Guangdong", zh: "广东省" },
  "45": { en: "Guangxi", zh: "广西壮族自治区" },
  "46": { en: "Hainan", zh: "海南省" },
  "50": { en: "Chongqing", zh: "重庆市" },
  "51": { en: "Sichuan", zh: "四川省" },
  "52": { en: "Guizhou", zh: "贵州省" },
  "53": { en: "Yunnan", zh: "云南省" },
  "54": { en: "Tibet", zh: "西藏自治区" },
  "61": { en: "Shaanxi", zh: "陕西省" },
  "62": { en: "Gansu", zh: "甘肃省" },
  "63": { en: "Qinghai", zh: "青海省" },
  "64": { en: "Ningxia", zh: "宁夏回族自治区" },
  "65": { en: "Xinjiang", zh: "新疆维吾尔自治区" },
  "71": { en: "Taiwan", zh: "台湾省" },
  "81": { en: "Hong Kong", zh: "香港特别行政区" },
  "82": { en: "Macao", zh: "澳门特别行政区" },
};

/** NFKC (full-width to half-width), drop spaces, hyphens and dots, upper case. */
export function compactUscc(code: string): string {
  return code
    .normalize("NFKC")
    .replace(/[\s\-‐‑‒–—―.·]+/g, "")
    .toUpperCase();
}

/** The GB 32100 check character of the first 17 characters: weights 3^i mod 31, (31 - sum mod 31) mod 31. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(first17[i] ?? "") * weight;
    weight = (weight * 3) % 31;
  }
  // The outer mod turns a sum that is a multiple of 31 into check "0", not index 31.
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? "";
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** True when a 9-character GB 11714 organization code carries its right check character. */
export function isValidOrganizationCode(code: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = code.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  const expected = check === 10 ? "X" : check === 11 ? "0" : String(check);
  return code[8] === expected;
}

function isFujianPilot(compact: string): boolean {
  return compact.startsWith("35", 2) && compact.startsWith("M0", 8);
}

const MESSAGES: Record<Exclude<UsccCode, "valid">, { en: string; zh: string }> = {
  invalid_format: {
    en: "contains characters a USCC never uses (only 0-9 and A-Z without I, O, S, V, Z)",
    zh: "含有统一社会信用代码不使用的字符（只用 0-9 和除 I、O、S、V、Z 以外的大写字母）",
  },
  invalid_length: { en: "a USCC has 18 characters", zh: "统一社会信用代码应为 18 位" },
  invalid_checksum: { en: "the check character (18th) is wrong", zh: "第 18 位校验码不对" },
  invalid_component: {
    en: "names a registering department, category or region that does not exist",
    zh: "登记管理部门、机构类别或行政区划代码不存在",
  },
};

function failure(input: string, compact: string, code: Exclude<UsccCode, "valid">, detail = ""): UsccResult {
  const m = MESSAGES[code];
  return {
    input,
    compact,
    valid: false,
    code,
    message: detail ? `${m.en} (${detail})` : m.en,
    messageZh: detail ? `${m.zh}（${detail}）` : m.zh,
    gsxtUrl: GSXT_URL,
  };
}

/**
 * Validates a USCC: alphabet, length, check character, department, category
 * and province. Accepts lower case, spaces, hyphens and full-width characters.
 *
 * @example validateUscc("91110108551385082Q").parts?.categoryName.en // "enterprise"
 */
function validateUsccUncached(code: string): UsccResult {
  const compact = compactUscc(code);
  if (compact.length !== 18) {
    if (compact.length === 0 || /[^0-9A-Z]/.test(compact)) return failure(code, compact, "invalid_format");
    return failure(code, compact, "invalid_length", `${compact.length}`);
  }
  const bad = [...compact].find((c) => !USCC_ALPHABET.includes(c));
  if (bad !== undefined) return failure(code, compact, "invalid_format", bad);

  let warning: UsccResult["warning"];
  if (usccCheckCharacter(compact.slice(0, 17)) !== compact[17]) {
    if (!isFujianPilot(compact)) return failure(code, compact, "invalid_checksum");
    warning = "fujian_pilot";
  }

  const departmentCode = compact[0] ?? "";
  const categoryCode = compact[1] ?? "";
  const department = USCC_DEPARTMENTS[departmentCode];
  if (!department) return failure(code, compact, "invalid_component", `department ${departmentCode}`);
  const category = department.categories[categoryCode];
  if (!category)
    return failure(code, compact, "invalid_component", `category ${departmentCode}${categoryCode}`);
  const division = compact.slice(2, 8);
  const province = PROVINCES[division.slice(0, 2)];
  if (!/^\d{6}$/.test(division) || !province)
    return failure(code, compact, "invalid_component", `division ${division}`);

  const organizationCode = compact.slice(8, 17);
  if (!warning && !isValidOrganizationCode(organizationCode)) warning = "organization_code_checksum";

  const parts: UsccParts = {
    department: departmentCode,
    departmentName: { en: department.en, zh: department.zh },
    category: categoryCode,
    categoryName: { en: category.en, zh: category.zh },
    division,
    province: { code: division.slice(0, 2), en: province.en, zh: province.zh },
    organizationCode,
  };
  let message = `valid: ${category.en}, registered in ${province.en}`;
  let messageZh = `有效：${category.zh}，登记地${province.zh}`;
  if (warning === "fujian_pilot") {
    message +=
      " (check character does not follow GB 32100: confirm on the National Enterprise Credit Information Publicity System, gsxt.gov.cn; early Fujian pilot codes look like this, and so does a typo)";
    messageZh +=
      "（统一社会信用代码校验位不符合 GB 32100，请在国家企业信用信息公示系统核实；福建早期试点代码如此，录入错误也如此）";
  } else if (warning === "organization_code_checksum") {
    message += " (but its embedded organization code fails its own check: confirm on gsxt.gov.cn)";
    messageZh += "（但其中的组织机构代码未通过校验，请在国家企业信用信息公示系统核实）";
  }
  const result: UsccResult = {
    input: code,
    compact,
    valid: true,
    code: "valid",
    parts,
    message,
    messageZh,
    gsxtUrl: GSXT_URL,
  };
  if (warning) result.warning = warning;
  return result;
}

export function isValidUscc(code: string): boolean {
  return validateUscc(code).valid;
}

export interface RegistrationNumberResult {
  input: string;
  compact: string;
  valid: boolean;
  code: "valid" | "invalid_format" | "invalid_length" | "invalid_checksum";
  message: string;
  messageZh: string;
}

/** ISO 7064 MOD 11,10 over all digits (the last one is the check digit). */
function isValidMod11_10(digits: string): boolean {
  let p = 10;
  for (let i = 0; i < digits.length; i++) {
    const s = (p + digits.charCodeAt(i) - 48) % 10;
    if (i === digits.length - 1) return s === 1;
    p = ((s === 0 ? 10 : s) * 2) % 11;
  }
  return false;
}

/**
 * Validates an old 15-digit business registration number (工商注册号), the
 * number licences showed before the USCC: ISO 7064 MOD 11,10 check digit.
 */
export function validateRegistrationNumber(code: string): RegistrationNumberResult {
  const compact = compactUscc(code);
  const base = { input: code, compact };
  if (!/^\d+$/.test(compact)) {
    return {
      ...base,
      valid: false,
      code: "invalid_format",
      message: "a registration number has digits only",
      messageZh: "工商注册号只含数字",
    };
  }
  if (compact.length !== 15) {
    return {
      ...base,
      valid: false,
      code: "invalid_length",
      message: "a registration number has 15 digits",
      messageZh: "工商注册号应为 15 位",
    };
  }
  if (!isValidMod11_10(compact)) {
    return {
      ...base,
      valid: false,
      code: "invalid_checksum",
      message: "the check digit (15th) is wrong",
      messageZh: "第 15 位校验码不对",
    };
  }
  return {
    ...base,
    valid: true,
    code: "valid",
    message: "valid registration number",
    messageZh: "工商注册号有效",
  };
}

/** Memoised per distinct input (see memo.ts). */
export const validateUscc: (text: string) => UsccResult = memoizeString(validateUsccUncached);
