import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';

interface Order {
  id: number;
  item: string;
}

const orders = new Map<number, Order>([[1, { id: 1, item: 'coffee' }]]);

/** A small orders API, written as any Hono app, served by Lambda through API Gateway's HTTP API (payload 2.0). */
export const app = new Hono()
  .get('/orders/:id', (c) => {
    const order = orders.get(Number(c.req.param('id')));
    return order ? c.json(order) : c.json({ message: 'order not found' }, 404);
  })
  .post('/orders', async (c) => {
    const body = await c.req.json<{ item?: unknown }>();
    if (typeof body.item !== 'string') return c.json({ message: '"item" must be a string' }, 400);
    const order = { id: orders.size + 1, item: body.item };
    orders.set(order.id, order);
    c.header('location', `/orders/${order.id}`);
    return c.json(order, 201);
  });

// Hono types the v2 event's `body` as `string | null`; API Gateway leaves it out when there is none, as
// `@types/aws-lambda` (`body?: string`) and the harness's events say. The runtime handles both; only the types differ.
export const handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResult> = handle(app) as never;
