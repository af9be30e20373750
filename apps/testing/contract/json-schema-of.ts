/**
 * OpenAPI 3.0 schemas → JSON Schema that ajv can check, strictly:
 * - `nullable: true` becomes `anyOf: [{type: 'null'}, …]` (OAS 3.0 puts it beside `allOf: [$ref]`,
 *   which ajv's own `nullable` cannot see through);
 * - every object schema that lists its `properties` is closed (`additionalProperties: false`)
 *   unless it says otherwise: a field the document does not name is drift. Inline members of an
 *   `allOf` stay open, since each sees only part of the object (the error body's code enum);
 * - local `$ref`s point into the document registered under `documentId`.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ANNOTATIONS = new Set(['example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated']);

export function jsonSchemaOf(schema: Json, documentId: string, inAllOf = false): Json {
  if (Array.isArray(schema)) return schema.map((item) => jsonSchemaOf(item, documentId));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = `${documentId}${value}`;
    else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, jsonSchemaOf(property, documentId)]));
    } else if (key === 'allOf' && Array.isArray(value)) out.allOf = value.map((member) => jsonSchemaOf(member, documentId, true));
    else out[key] = jsonSchemaOf(value, documentId);
  }
  if ('properties' in out && !('additionalProperties' in out) && !inAllOf) out.additionalProperties = false;
  return schema.nullable === true ? { anyOf: [{ type: 'null' }, out] } : out;
}
