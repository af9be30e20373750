import { isOneOf, type TypeSet } from '../area-members';

export interface IssueCredential {
  type: 'IssueCredential';
  now: string;
  credentialId: string;
  label: string;
  prefix: string;
  secretHash: string;
}

export interface RegenerateCredential {
  type: 'RegenerateCredential';
  now: string;
  credentialId: string;
  prefix: string;
  secretHash: string;
}

export interface RevokeCredential {
  type: 'RevokeCredential';
  now: string;
  credentialId: string;
}

export interface TouchCredential {
  type: 'TouchCredential';
  now: string;
  credentialId: string;
  minIntervalSeconds: number;
}

export type CredentialsCommand =
  | IssueCredential
  | RegenerateCredential
  | RevokeCredential
  | TouchCredential;

const CREDENTIALS_COMMANDS: TypeSet<CredentialsCommand> = {
  IssueCredential: true,
  RegenerateCredential: true,
  RevokeCredential: true,
  TouchCredential: true,
};

export const isCredentialsCommand = isOneOf<CredentialsCommand>(CREDENTIALS_COMMANDS);
