import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** GOV.UK tabs, driven by React: arrow keys move between tabs, as the design system's do. */
export function Tabs({
  id,
  tabs,
  selected,
  onSelect,
  children,
}: {
  id: string;
  tabs: { key: string; label: string }[];
  selected: string;
  onSelect: (key: string) => void;
  children: ReactNode;
}) {
  const refs = useRef<Record<string, HTMLAnchorElement | null>>({});
  function onKeyDown(event: KeyboardEvent, index: number) {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = tabs[(index + delta + tabs.length) % tabs.length];
    onSelect(next.key);
    refs.current[next.key]?.focus();
  }
  return (
    <div className="govuk-tabs" data-module="govuk-tabs">
      <ul className="govuk-tabs__list" role="tablist">
        {tabs.map((tab, index) => (
          <li key={tab.key} className={`govuk-tabs__list-item${tab.key === selected ? ' govuk-tabs__list-item--selected' : ''}`} role="presentation">
            <a
              className="govuk-tabs__tab"
              href={`#${id}-${tab.key}`}
              id={`${id}-tab-${tab.key}`}
              role="tab"
              aria-controls={`${id}-${tab.key}`}
              aria-selected={tab.key === selected}
              tabIndex={tab.key === selected ? 0 : -1}
              ref={(element) => {
                refs.current[tab.key] = element;
              }}
              onClick={(event) => {
                event.preventDefault();
                onSelect(tab.key);
              }}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
      <div className="govuk-tabs__panel" id={`${id}-${selected}`} role="tabpanel" aria-labelledby={`${id}-tab-${selected}`}>
        {children}
      </div>
    </div>
  );
}
