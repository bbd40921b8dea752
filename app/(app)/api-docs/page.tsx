import { getLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/current-user";
import { documentOperations, openApiDocument } from "@/lib/api/openapi";
import { chinaToday } from "@/lib/domain/china-time";
import { env } from "@/lib/env";
import { localeOrDefault } from "@/lib/i18n/locale";
import { OperationSection } from "./_components/operation-section";
import { SchemaSection } from "./_components/schema-section";
import { Prose } from "./_components/type-text";
import { API_DOCS_LABELS } from "./labels";

export async function generateMetadata() {
  return { title: API_DOCS_LABELS[localeOrDefault(await getLocale())].title };
}

/**
 * The REST API's reference, rendered on the server from the same OpenAPI document the API serves at
 * /api/v1/openapi.json: operations with their parameters and responses, then every schema. Nothing is
 * loaded from elsewhere.
 */
export default async function ApiDocsPage() {
  await requireUser();
  const labels = API_DOCS_LABELS[localeOrDefault(await getLocale())];
  const document = openApiDocument({ today: chinaToday(), start: env.REPORTING_START });
  const operations = documentOperations(document);
  return (
    <>
      <h1>{labels.title}</h1>
      <p className="lead">{labels.lead}</p>
      <p>
        <Prose text={document.info.description} />
      </p>
      <p>
        <a href="/api/v1/openapi.json">{labels.raw}</a> <code>/api/v1/openapi.json</code> (OpenAPI {document.openapi})
      </p>
      <h2>{labels.auth}</h2>
      <p>{labels.authText}</p>
      <h2>{labels.errors}</h2>
      <p>{labels.errorsText}</p>

      <h2>{labels.operations}</h2>
      <nav aria-label={labels.operations}>
        <ul>
          {operations.map(({ path, method, operation }) => (
            <li key={operation.operationId}>
              <a href={`#op-${operation.operationId}`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </a>{" "}
              — {operation.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, operation }) => (
        <OperationSection key={operation.operationId} path={path} method={method} operation={operation} sharedResponses={document.components.responses} labels={labels} />
      ))}

      <h2>{labels.schemas}</h2>
      {Object.entries(document.components.schemas).map(([id, schema]) => (
        <SchemaSection key={id} id={id} schema={schema} labels={labels} />
      ))}
    </>
  );
}
