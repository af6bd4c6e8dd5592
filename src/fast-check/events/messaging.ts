/** Arbitraries of the messaging family (placeholder: the family's owner fills it in). */
export {};
