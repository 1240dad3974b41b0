import type { ValidationError } from 'class-validator';
import type { FieldProblem } from '@app/domain';

/**
 * Flattens class-validator's error tree into `{ field: "child.needs[0].level", problem }` pairs.
 * Default messages start with the property name ("level must not be greater than 3"); the field is
 * named separately, so the problem drops it.
 */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = parent === '' ? error.property : isIndex ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const constraints = Object.entries(error.constraints ?? {});
    const absent = error.value === undefined || error.value === null;
    if (absent && constraints.length > 0 && !constraints.some(([name]) => name === 'whitelistValidation')) {
      // One clear line for an absent field, not every rule it would have had to meet.
      problems.push({ field, problem: error.value === null ? 'must not be null' : 'is required' });
    } else {
      for (const [constraint, message] of constraints) {
        problems.push({ field, problem: describe(constraint, message, error.property) });
      }
    }
    if (error.children?.length) problems.push(...toFieldProblems(error.children, field));
  }
  return problems;
}

function describe(constraint: string, message: string, property: string): string {
  if (constraint === 'whitelistValidation') return 'is not an allowed field';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
