/** Someone other than the requester answered the ticket publicly for the first time. */
export interface RecordFirstResponseCommand {
  ticketId: string;
  respondedAt: Date;
}
