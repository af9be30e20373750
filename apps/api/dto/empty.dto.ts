

export class EmptyDto {}
