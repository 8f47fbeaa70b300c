// A JSON Schema (as z.toJSONSchema writes it) as a table people read: field, type, required,
// and the constraints that matter when writing a request.

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
};

export function typeOf(s: Schema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeOf).join(" | ");
  if (s.type === "array") return `${s.items ? typeOf(s.items) : "any"}[]`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  return s.type ?? "any";
}

export function constraintsOf(s: Schema): string {
  const out: string[] = [];
  if (s.format) out.push(s.format);
  if (s.minLength !== undefined || s.maxLength !== undefined) out.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} characters`);
  if (s.minimum !== undefined || s.maximum !== undefined) out.push(`${s.minimum ?? "−∞"} … ${s.maximum ?? "∞"}`);
  if (s.minItems !== undefined || s.maxItems !== undefined) out.push(`${s.minItems ?? 0}–${s.maxItems ?? "∞"} items`);
  if (s.pattern) out.push(`matches ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  if (s.description) out.push(s.description);
  return out.join("; ");
}

// the object a field holds, if any (directly, as array items, or as one of its alternatives)
const nestedObject = (s: Schema): Schema | undefined =>
  s.properties ? s : s.items?.properties ? s.items : (s.anyOf ?? s.oneOf)?.find((a) => a.properties);

export function SchemaFields({ schema, caption }: { schema: Schema; caption: string }) {
  const obj = nestedObject(schema);
  if (!obj?.properties) return <p className="mono">{typeOf(schema)}</p>;
  const required = new Set(obj.required ?? []);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Rules</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(obj.properties).map(([name, s]) => {
            const inner = nestedObject(s);
            return (
              <tr key={name}>
                <th scope="row" className="mono">{name}</th>
                <td className="mono">{inner ? (s.type === "array" ? "object[]" : "object") : typeOf(s)}</td>
                <td>{required.has(name) ? "yes" : "no"}</td>
                <td>
                  {constraintsOf(s)}
                  {inner ? <SchemaFields schema={inner} caption={`Fields of ${name}`} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
