/** The request bodies of linear-cost.test.ts and linear-cost.bench.ts: chats that repeat a cycle of message kinds. */

/** How many message kinds the bodies cycle through. */
export const CYCLE = 4;

/** One message of each kind, `i` making each one distinct; about 100 bytes of JSON each on average. */
function message(i: number): Record<string, unknown> {
  switch (i % CYCLE) {
    case 0:
      return { role: 'user', content: `Question ${i}: what is the weather like in Paris this week, please?` };
    case 1:
      return { role: 'assistant', content: null, tool_calls: [{ id: `c${i}`, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] };
    case 2:
      return { role: 'tool', tool_call_id: `c${i - 1}`, content: '{"temp_c":18}' };
    default:
      return { role: 'user', content: [{ type: 'text', text: 'and this?' }, { type: 'image_url', image_url: { url: `https://x/${i}.png` } }], x_meta: { n: i } };
  }
}

/** A chat request of `n` messages (`message(0)` … `message(n - 1)`). */
export function body(n: number): { model: string; messages: Record<string, unknown>[] } {
  return { model: 'm', messages: Array.from({ length: n }, (_, i) => message(i)) };
}
