// The reference page's own words in both languages. The OpenAPI document it renders is in English
// (it is what integrators' tools read); these labels frame it in the reader's language.
// (They stay beside the page rather than in the shared message files while the API is being built.)
type LabelKey = "title" | "lead" | "raw" | "auth" | "authText" | "errors" | "errorsText" | "operations" | "parameters" | "noParameters" | "requestBody";
type TableLabelKey = "responses" | "schemas" | "name" | "location" | "required" | "type" | "description" | "status" | "body" | "yes" | "no" | "public";
type Labels = Record<LabelKey | TableLabelKey, string>;

export const API_DOCS_LABELS = {
  zh: {
    title: "接口文档（REST API v1）",
    lead: "以下内容由 OpenAPI 3.1 文档生成，与服务器上的校验规则一致。",
    raw: "机器可读的 OpenAPI 文档",
    auth: "认证方式",
    authText: "在请求头中发送个人 API 令牌（Authorization: Bearer act_…），或使用已登录浏览器的会话。无凭据或令牌无效时返回 401。",
    errors: "错误响应",
    errorsText: "所有拒绝均为 RFC 9457 问题详情（application/problem+json）；参数或请求体错误返回 400，并在 errors 中列出每个字段。超出您权限范围的资源返回 404；列表筛选或请求体指定其他省份、或角色无权操作时返回 403；版本过期返回 409，请求体过大返回 413，非 JSON 返回 415，工作流不允许的操作返回 422。",
    operations: "接口",
    parameters: "参数",
    noParameters: "无参数。",
    requestBody: "请求体（JSON）",
    responses: "响应",
    schemas: "数据结构",
    name: "名称",
    location: "位置",
    required: "必填",
    type: "类型",
    description: "说明",
    status: "状态码",
    body: "响应体",
    yes: "是",
    no: "否",
    public: "无需凭据",
  },
  en: {
    title: "API reference (REST API v1)",
    lead: "Generated from the OpenAPI 3.1 document, which the server's own validation rules produce.",
    raw: "Machine-readable OpenAPI document",
    auth: "Authentication",
    authText: "Send a personal API token in the request header (Authorization: Bearer act_…), or use the session of a signed-in browser. Without credentials, or with a bad token, the answer is 401.",
    errors: "Errors",
    errorsText: "Every refusal is an RFC 9457 problem (application/problem+json); invalid parameters or body fields give 400 with each field listed in errors. A resource outside your scope gives 404; a filter or body naming another province, or a role that may not act, gives 403; a stale version 409, a body too large 413, one not sent as JSON 415, and a request the workflow refuses 422.",
    operations: "Operations",
    parameters: "Parameters",
    noParameters: "No parameters.",
    requestBody: "Request body (JSON)",
    responses: "Responses",
    schemas: "Schemas",
    name: "Name",
    location: "In",
    required: "Required",
    type: "Type",
    description: "Description",
    status: "Status",
    body: "Body",
    yes: "yes",
    no: "no",
    public: "No credentials needed",
  },
} satisfies Record<"zh" | "en", Labels>;
export type ApiDocsLabels = Labels;
