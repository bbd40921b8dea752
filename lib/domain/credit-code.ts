// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters, the last a check character.
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return code.charAt(17) === CHARSET.charAt(check);
}

/**
 * Whether a lead institution is an enterprise, for the enterprise-led conversion threshold: its credit
 * code's registration authority "9" (工商, market regulation) when a code is known; otherwise a
 * company-form suffix in its name (有限公司, 股份公司, 集团). Universities, institutes and agencies
 * register with other authorities and carry none of these suffixes.
 */
export function isEnterpriseLead(leadInstitution: string, creditCode: string | null | undefined): boolean {
  if (creditCode) return creditCode.trim().toUpperCase().startsWith("9");
  return /(有限公司|有限责任公司|股份公司|集团)/.test(leadInstitution.replace(/（[^）]*）|\([^)]*\)/g, ""));
}
