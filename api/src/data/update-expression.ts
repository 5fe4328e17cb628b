/**
 * `SET #f0 = :v0, #f1 = :v1, …` for a plain object of fields, with its name and value maps.
 * Placeholders keep reserved words (status, name…) and odd characters out of the expression.
 */
export function setExpression(fields: Record<string, unknown>) {
  const entries = Object.entries(fields);
  return {
    expression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
    names: Object.fromEntries(entries.map(([key], i) => [`#f${i}`, key])),
    values: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
  };
}
