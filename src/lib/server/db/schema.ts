export * from '../auth/auth.table';
export * from '../auth/roles.table';
export * from '../auth/rate-limit.table';
export * from '../audit/audit.table';
export * from '../mail/outbox.table';
export * from '../learning/modules.table';
export * from '../lending/sites.table';
export * from '../lending/equipment.table';
