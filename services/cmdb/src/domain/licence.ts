export interface LicenceCompliance {
  /** Seats owned minus seats assigned; negative when over-deployed. */
  available: number;
  compliant: boolean;
}

/** Seats owned against seats assigned (uses_licence relationships into the licence). */
export function licenceCompliance(seats: number, assigned: number): LicenceCompliance {
  const available = seats - assigned;
  return { available, compliant: available >= 0 };
}
