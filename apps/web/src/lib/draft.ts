/**
 * A form's draft, kept in this tab's sessionStorage so a reload or an expired token does not lose
 * it; cleared when the form is sent and when the user signs out. Never localStorage: council PCs
 * are shared.
 */
export function loadDraft<T>(name: string): T | null {
  try {
    const raw = sessionStorage.getItem(`placements.draft.${name}`);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft<T>(name: string, value: T) {
  sessionStorage.setItem(`placements.draft.${name}`, JSON.stringify(value));
}

export function clearDraft(name: string) {
  sessionStorage.removeItem(`placements.draft.${name}`);
}
