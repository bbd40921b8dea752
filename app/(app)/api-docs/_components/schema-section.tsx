import { propertyRows, type JsonSchema } from "@/lib/api/schema-text";
import type { ApiDocsLabels } from "../labels";
import { Prose, TypeText } from "./type-text";

/** One component schema: its description and a table of its properties. */
export function SchemaSection({ id, schema, labels }: { id: string; schema: JsonSchema; labels: ApiDocsLabels }) {
  const rows = propertyRows(schema);
  return (
    <section aria-labelledby={`schema-${id}`} className="api-schema">
      <h3 id={`schema-${id}`}>{id}</h3>
      {typeof schema.description === "string" && (
        <p>
          <Prose text={schema.description} />
        </p>
      )}
      <table className="data-table compact">
        <caption className="visually-hidden">{id}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.name}</th>
            <th scope="col">{labels.type}</th>
            <th scope="col">{labels.required}</th>
            <th scope="col">{labels.description}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">
                <code>{row.name}</code>
              </th>
              <td>
                <TypeText parts={row.type} />
              </td>
              <td>{row.required ? labels.yes : labels.no}</td>
              <td>
                <Prose text={row.description} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
