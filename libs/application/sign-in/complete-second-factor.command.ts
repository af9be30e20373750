import type { CommandMetadata } from '../runner/command-metadata';

export class CompleteSecondFactorCommand {
  constructor(
    readonly challengeToken: string,
    readonly answer: { code: string } | { recoveryCode: string },
    readonly meta: CommandMetadata,
  ) {}
}
