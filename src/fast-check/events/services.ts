/** Arbitraries of the services family (placeholder: the family's owner fills it in). */
export {};
