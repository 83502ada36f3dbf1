import { AuditEntry } from '../audit/audit-entry.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

/** Every entity of the product; the schema-drift test compares these with the migrated schema. */
export const ENTITIES = [Unit, User, AuditEntry];
