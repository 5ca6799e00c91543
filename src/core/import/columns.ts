/**
 * The columns the Leverage Record series has used over time, and how a header names them.
 * Eras: `Task | Human Est. | Claude Time | Tokens | Leverage`, `Task | Human Est. | Claude | Leverage`,
 * `Task | Human Est. | Claude | Supv. | LF | SLF`, `Task | Human Est. | Claude | Sup. | Factor | Sup. Factor`,
 * and a variant with `Weeks` (human hours ÷ 40) where supervision was; any of them may lead with `#`.
 */
export const COLUMN_ROLES = ['index', 'title', 'human', 'agent', 'tokens', 'supervision', 'factor', 'supervisoryFactor', 'weeks'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Header names, longest first so "Sup. Factor" wins over "Sup." and "Claude Time" over "Claude". */
const HEADER_NAMES: readonly (readonly [string, ColumnRole])[] = (
  [
  ['supervisory factor', 'supervisoryFactor'],
  ['human est.', 'human'],
  ['human est', 'human'],
  ['human estimate', 'human'],
  ['claude time', 'agent'],
  ['agent time', 'agent'],
  ['sup. factor', 'supervisoryFactor'],
  ['supervision', 'supervision'],
  ['leverage', 'factor'],
  ['claude', 'agent'],
  ['agent', 'agent'],
  ['tokens', 'tokens'],
  ['factor', 'factor'],
  ['weeks', 'weeks'],
  ['supv.', 'supervision'],
  ['sup.', 'supervision'],
  ['task', 'title'],
  ['slf', 'supervisoryFactor'],
  ['lf', 'factor'],
    ['#', 'index'],
  ] as [string, ColumnRole][]
).sort((a, b) => b[0].length - a[0].length);

/** The role a single header cell names, or null. */
export function roleOfHeaderCell(cell: string): ColumnRole | null {
  const text = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  return HEADER_NAMES.find(([name]) => name === text)?.[1] ?? null;
}

/**
 * Reads a header flattened to one line ("Task Human Est. Claude Time Tokens Leverage", or with no
 * spaces at all: "#TaskHuman Est.ClaudeLeverage") into roles,
 * or null when the line is not a task-table header. Names are matched longest first, backtracking
 * when a choice repeats a role; the supervisory factor always follows the factor, so
 * "Sup. Factor Sup. Factor" is Sup. | Factor | Sup. Factor.
 */
export function rolesOfHeaderLine(line: string): ColumnRole[] | null {
  const segment = (rest: string, roles: ColumnRole[]): ColumnRole[] | null => {
    if (rest === '') return isTaskTable(roles) ? roles : null;
    for (const [name, role] of HEADER_NAMES) {
      const fits = !roles.includes(role) && (role !== 'supervisoryFactor' || roles.includes('factor'));
      // Names may be run together ("#TaskHuman Est.ClaudeLeverage") as text extractors give them.
      if (fits && rest.startsWith(name)) {
        const found = segment(rest.slice(name.length).trimStart(), [...roles, role]);
        if (found) return found;
      }
    }
    return null;
  };
  return segment(line.trim().toLowerCase().replace(/\s+/g, ' '), []);
}

/** A task table names its task, the human estimate, the agent time and a factor, each once. */
export function isTaskTable(roles: readonly (ColumnRole | null)[]): boolean {
  const once = (role: ColumnRole) => roles.filter((entry) => entry === role).length === 1;
  return once('title') && once('human') && once('agent') && roles[roles[0] === 'index' ? 1 : 0] === 'title' && roles.includes('factor');
}
