// Runs one Lambda bundle in this (fresh) Node process, as the Lambda runtime would: import the
// entry (its init runs now), then invoke `handler` for each event the parent sends over IPC.
// Plain JavaScript on purpose: no tsx or Vite between the bundle and Node.
const started = performance.now();
const { handler } = await import(process.argv[2]);
process.send({ type: 'ready', initMs: performance.now() - started });
process.on('message', async ({ id, event }) => {
  try {
    const result = await handler(event, { awsRequestId: id, functionName: 'test' });
    process.send({ type: 'result', id, result });
  } catch (error) {
    process.send({ type: 'error', id, message: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
