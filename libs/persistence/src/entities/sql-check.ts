/** SQL for an entity's CHECK: `column` holds one of `values`, written from the domain's list of them. */
export function oneOf(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;
}
