// JSON Schema in words, for the API reference page: a type as text with links to named components,
// and an object's properties as rows (inline objects flattened to dotted names).

export type JsonSchema = { [key: string]: unknown };
/** Text, or a link to a component schema by id. */
export type TypePart = string | { ref: string };

const SAFE = Number.MAX_SAFE_INTEGER;
const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);

function joinParts(groups: TypePart[][], separator: string): TypePart[] {
  return groups.flatMap((group, i) => (i === 0 ? group : [separator, ...group]));
}

function bounds(schema: JsonSchema): string {
  const min = typeof schema.minimum === "number" && schema.minimum > -SAFE ? schema.minimum : undefined;
  const max = typeof schema.maximum === "number" && schema.maximum < SAFE ? schema.maximum : undefined;
  if (min !== undefined && max !== undefined) return ` ${min}–${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return "";
}

/** The type of a schema in a few words: `integer 1–200`, `"a" | "b"`, `array of Flag`, `string (date) | null`. */
export function typeParts(schema: JsonSchema): TypePart[] {
  if (typeof schema.$ref === "string") return [{ ref: schema.$ref.split("/").pop()! }];
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) return joinParts(union.map(typeParts), " | ");
  if (Array.isArray(schema.enum)) return [schema.enum.map((v) => JSON.stringify(v)).join(" | ")];
  if (Array.isArray(schema.type)) return joinParts(schema.type.map((type) => typeParts({ ...schema, type })), " | ");
  switch (schema.type) {
    case "array":
      return ["array of ", ...(isSchema(schema.items) ? typeParts(schema.items) : ["any"])];
    case "object":
      if (isSchema(schema.propertyNames) && isSchema(schema.additionalProperties)) {
        return ["map of ", ...typeParts(schema.propertyNames), " → ", ...typeParts(schema.additionalProperties)];
      }
      if (isSchema(schema.additionalProperties)) return ["map of string → ", ...typeParts(schema.additionalProperties)];
      return ["object"];
    case "string":
      return [`string${typeof schema.format === "string" ? ` (${schema.format})` : typeof schema.pattern === "string" ? ` matching ${schema.pattern}` : ""}${typeof schema.maxLength === "number" ? `, ≤ ${schema.maxLength} characters` : ""}`];
    case "integer":
    case "number":
      return [`${schema.type}${bounds(schema)}`];
    case undefined:
      return ["any"];
    default:
      return [String(schema.type)];
  }
}

export interface PropertyRow {
  name: string;
  required: boolean;
  type: TypePart[];
  description: string;
}

/** An object schema's properties as rows; inline objects (not components) add their own rows under a dotted name. */
export function propertyRows(schema: JsonSchema, prefix = ""): PropertyRow[] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).flatMap(([name, value]) => {
    if (!isSchema(value)) return [];
    const row: PropertyRow = { name: `${prefix}${name}`, required: required.has(name), type: typeParts(value), description: typeof value.description === "string" ? value.description : "" };
    const nested = value.type === "object" && isSchema(value.properties) ? propertyRows(value, `${row.name}.`) : [];
    return [row, ...nested];
  });
}
