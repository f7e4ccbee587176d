/** How a bulk change went for one of the tickets it was asked for. */
export interface BulkRow {
  number: string;
  state: 'done' | 'refused' | 'unchanged';
  reason?: string;
}

/**
 * The API changes all the tickets or none: when it refuses, it names the ticket that stopped it
 * (`ticketNumber`), and the others were left as they were. Without a name every ticket is
 * shown as refused, with the one reason given.
 */
export function refusedRows(
  numbers: readonly string[],
  refused: string | null,
  reason: string,
): BulkRow[] {
  const named = refused !== null && numbers.includes(refused);
  return numbers.map((number) =>
    !named || number === refused
      ? { number, state: 'refused', reason }
      : { number, state: 'unchanged' },
  );
}
