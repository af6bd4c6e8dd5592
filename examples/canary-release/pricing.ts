/** A cart of line items, as the checkout service sends it. */
export interface Cart {
  readonly items: readonly { readonly sku: string; readonly price: number }[];
}

/** Version 1: the total of the cart. */
export const v1 = async (cart: Cart) => ({ total: cart.items.reduce((sum, item) => sum + item.price, 0) });

/**
 * Version 2: the same total, with the first item 10 % off — and the bug a canary release is for: an empty cart has no
 * first item.
 */
export const v2 = async (cart: Cart) => {
  const total = cart.items.reduce((sum, item) => sum + item.price, 0);
  return { total: total - cart.items[0]!.price * 0.1 };
};
