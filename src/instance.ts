// A ListInstances `instance` object. Every field may be missing in practice; unknown fields are kept as received.

export interface Instance {
  id?: string;
  name?: string;
  /** ACTIVE, BACKING UP, REBOOTING, MODIFYING, FAILED, FROZEN, STORAGE FULL, … (several contain spaces). */
  status?: string;
  /** Single, Ha, Replica. */
  type?: string;
  datastore?: { type?: string; version?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * The shape of an RDS instance id in the API's documentation: 32 lower-case hex characters, `in`, two digits
 * (`a48e43ff268f4c0e879652d65e63d0fbin01`). A REF of this shape is looked up by id; anything else by name first.
 */
export const INSTANCE_ID = /^[0-9a-f]{32}in\d{2}$/;
