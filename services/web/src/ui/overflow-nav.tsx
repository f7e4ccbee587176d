import {
  Children,
  cloneElement,
  Fragment,
  isValidElement,
  type ReactElement,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useLocation } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { entriesThatFit } from '../lib/nav-overflow';

/** The entries of a navigation, fragments opened up, conditions that were false left out. */
function entriesOf(children: ReactNode): ReactElement[] {
  const entries: ReactElement[] = [];
  Children.forEach(children, (child) => {
    if (!isValidElement(child)) return;
    if (child.type === Fragment)
      entries.push(...entriesOf((child.props as { children?: ReactNode }).children));
    else entries.push(child);
  });
  return entries.map((entry, index) =>
    cloneElement(entry, { key: (entry.props as { to?: unknown }).to?.toString() ?? index }),
  );
}

/**
 * The header's navigation in one row: the entries that fit are shown, the rest go into a
 * "More" menu (a disclosure button and a list of links, closed by Escape or by leaving it), so
 * the header never overflows however many entries a person's roles give them.
 */
export function OverflowNav({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  const entries = entriesOf(children);
  const navRef = useRef<HTMLElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(entries.length);
  const [open, setOpen] = useState(false);
  const [moreActive, setMoreActive] = useState(false);
  const menuId = useId();

  const measure = useCallback(() => {
    const nav = navRef.current;
    const row = measureRef.current;
    if (!nav || !row) return;
    const items = Array.from(row.children) as HTMLElement[];
    const more = items.pop();
    const gap = parseFloat(getComputedStyle(row).columnGap) || 0;
    setVisible(
      entriesThatFit(
        items.map((item) => item.getBoundingClientRect().width),
        nav.clientWidth,
        gap,
        more?.getBoundingClientRect().width ?? 0,
      ),
    );
  }, []);

  useLayoutEffect(measure);

  useEffect(() => {
    const nav = navRef.current;
    if (!nav || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(nav);
    return () => observer.disconnect();
  }, [measure]);

  useEffect(() => setOpen(false), [location.pathname]);

  // The "More" button shows as current when the page it leads to is one of its entries.
  useLayoutEffect(() => {
    setMoreActive(Boolean(menuRef.current?.querySelector('.active')));
  });

  const hidden = entries.slice(visible);

  return (
    <nav
      ref={navRef}
      className="nav"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null))
          setOpen(false);
      }}
    >
      {entries.slice(0, visible)}
      {hidden.length > 0 && (
        <div className="nav__more">
          <button
            ref={buttonRef}
            type="button"
            className={`nav__link nav__more-button${moreActive ? ' active' : ''}`}
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((current) => !current)}
          >
            {t('nav.more')}
            <span aria-hidden="true" className="nav__more-caret">
              ▾
            </span>
          </button>
          <div ref={menuRef} id={menuId} className="nav__menu" hidden={!open}>
            {hidden}
          </div>
        </div>
      )}
      {/* Every entry at its natural width, out of sight and out of reach, to know what fits. */}
      <div ref={measureRef} className="nav__measure" aria-hidden="true" inert>
        {entries}
        <span className="nav__link nav__more-button">
          {t('nav.more')}
          <span className="nav__more-caret">▾</span>
        </span>
      </div>
    </nav>
  );
}
