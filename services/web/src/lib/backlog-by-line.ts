/** A support line as routing keeps it: L1, L2, L3… */
export interface LineOfSupport {
  id: string;
  name: string;
  level: number;
}

/** The open tickets queued in one group, and the line the group belongs to. */
export interface GroupBacklog {
  lineId?: string;
  open: number;
}

export interface LineBacklog {
  line: string;
  open: number;
}

/**
 * Open tickets per line of support, first line first: each group's backlog counted on its line;
 * groups of an unknown line under `unknownLine`; a line without open tickets shown with 0, so
 * a quiet second line is visible as quiet rather than missing.
 */
export function backlogByLine(
  groups: readonly GroupBacklog[],
  lines: readonly LineOfSupport[],
  unknownLine: string,
): LineBacklog[] {
  const byLine = new Map<string, number>();
  let unplaced = 0;
  const known = new Set(lines.map((line) => line.id));
  for (const group of groups) {
    if (group.lineId !== undefined && known.has(group.lineId))
      byLine.set(group.lineId, (byLine.get(group.lineId) ?? 0) + group.open);
    else unplaced += group.open;
  }
  const rows = [...lines]
    .sort((a, b) => a.level - b.level || a.name.localeCompare(b.name))
    .map((line) => ({ line: line.name, open: byLine.get(line.id) ?? 0 }));
  return unplaced > 0 ? [...rows, { line: unknownLine, open: unplaced }] : rows;
}
