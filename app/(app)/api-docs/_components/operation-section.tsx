import type { Method, OpenApiDocument, OperationDoc } from "@/lib/api/openapi";
import { typeParts } from "@/lib/api/schema-text";
import type { ApiDocsLabels } from "../labels";
import { Prose, TypeText } from "./type-text";

interface Props {
  path: string;
  method: Method;
  operation: OperationDoc;
  sharedResponses: OpenApiDocument["components"]["responses"];
  labels: ApiDocsLabels;
}

/** One operation: what it does, its parameters, its request body and its responses. */
export function OperationSection({ path, method, operation, sharedResponses, labels }: Props) {
  const headingId = `op-${operation.operationId}`;
  const verb = method.toUpperCase();
  return (
    <section aria-labelledby={headingId} className="api-operation">
      <h3 id={headingId}>
        <code>
          {verb} {path}
        </code>
      </h3>
      <p>
        <strong>{operation.summary}</strong>
        {operation.security?.length === 0 && <span className="badge">{labels.public}</span>}
      </p>
      <p>
        <Prose text={operation.description} />
      </p>
      <h4>{labels.parameters}</h4>
      {operation.parameters.length === 0 ? (
        <p className="empty">{labels.noParameters}</p>
      ) : (
        <table className="data-table compact">
          <caption className="visually-hidden">{`${labels.parameters}: ${verb} ${path}`}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.name}</th>
              <th scope="col">{labels.location}</th>
              <th scope="col">{labels.required}</th>
              <th scope="col">{labels.type}</th>
              <th scope="col">{labels.description}</th>
            </tr>
          </thead>
          <tbody>
            {operation.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <th scope="row">
                  <code>{p.name}</code>
                </th>
                <td>{p.in}</td>
                <td>{p.required ? labels.yes : labels.no}</td>
                <td>
                  <TypeText parts={typeParts(p.schema)} />
                </td>
                <td>
                  <Prose text={p.description} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {operation.requestBody && (
        <>
          <h4>{labels.requestBody}</h4>
          <p>
            <TypeText parts={typeParts(operation.requestBody.content["application/json"].schema)} /> <span className="muted small">application/json</span>
          </p>
        </>
      )}
      <h4>{labels.responses}</h4>
      <table className="data-table compact">
        <caption className="visually-hidden">{`${labels.responses}: ${verb} ${path}`}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.status}</th>
            <th scope="col">{labels.description}</th>
            <th scope="col">{labels.body}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(operation.responses).map(([status, response]) => {
            const resolved = "$ref" in response ? sharedResponses[response.$ref.split("/").pop()!] : response;
            return (
              <tr key={status}>
                <th scope="row">{status}</th>
                <td>{resolved && <Prose text={resolved.description} />}</td>
                <td>
                  {Object.entries(resolved?.content ?? {}).map(([type, { schema }]) => (
                    <div key={type}>
                      <TypeText parts={typeParts(schema)} /> <span className="muted small">{type}</span>
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
