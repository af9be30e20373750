/** Nest injection tokens of the ports; adapters are chosen per environment variable. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_STORE = Symbol('READ_STORE');
export const JOB_QUEUE = Symbol('JOB_QUEUE');
export const MAILER = Symbol('MAILER');
export const KEY_STORE = Symbol('KEY_STORE');
export const WARDEN_CONFIG = Symbol('WARDEN_CONFIG');
export const CLOCK = Symbol('CLOCK');
