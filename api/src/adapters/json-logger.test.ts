import { describe, expect, it, vi } from 'vitest';
import { createJsonLogger, type TLogLevel } from './json-logger.ts';

function capture(level: TLogLevel, base: object = { service: 'koldoo-test' }) {
  const lines: string[] = [];
  const logger = createJsonLogger({ level, base, write: (line) => void lines.push(line), now: () => 1_767_225_600_000 });
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, parsed };
}

describe('the JSON logger', () => {
  it('writes one JSON line per call, in pino’s shape: numeric level, time, bindings, fields, msg last', () => {
    const { logger, lines } = capture('info');
    logger.info({ userId: 'u1', count: 2 }, 'user registered');
    logger.warn('disk nearly full');
    logger.error({ pledgeId: 'p1' });
    expect(lines).toEqual([
      '{"level":30,"time":1767225600000,"service":"koldoo-test","userId":"u1","count":2,"msg":"user registered"}\n',
      '{"level":40,"time":1767225600000,"service":"koldoo-test","msg":"disk nearly full"}\n',
      '{"level":50,"time":1767225600000,"service":"koldoo-test","pledgeId":"p1"}\n',
    ]);
  });

  it('writes only the levels at or above its own; silent writes nothing', () => {
    const warn = capture('warn');
    warn.logger.debug('d');
    warn.logger.info('i');
    warn.logger.warn('w');
    warn.logger.error('e');
    expect(warn.parsed().map((line) => [line.level, line.msg])).toEqual([
      [40, 'w'],
      [50, 'e'],
    ]);
    const debug = capture('debug');
    debug.logger.debug('d');
    expect(debug.parsed()).toMatchObject([{ level: 20, msg: 'd' }]);
    const silent = capture('silent');
    silent.logger.error({ err: new Error('x') }, 'not written');
    expect(silent.lines).toEqual([]);
  });

  it('gives a child its parent’s fields and its own, the call’s fields last', () => {
    const { logger, parsed } = capture('info');
    const request = logger.child({ requestId: 'r1' });
    const nested = request.child({ route: '/api/health', requestId: 'r2' });
    request.info({ status: 200 }, 'request');
    nested.info({ status: 503 }, 'request');
    logger.info('parent unchanged');
    expect(parsed()).toEqual([
      { level: 30, time: 1_767_225_600_000, service: 'koldoo-test', requestId: 'r1', status: 200, msg: 'request' },
      // Duplicate keys are written twice (as pino does); a JSON reader keeps the last.
      { level: 30, time: 1_767_225_600_000, service: 'koldoo-test', requestId: 'r2', route: '/api/health', status: 503, msg: 'request' },
      { level: 30, time: 1_767_225_600_000, service: 'koldoo-test', msg: 'parent unchanged' },
    ]);
  });

  it('writes an Error as its type, message, stack, own fields and cause', () => {
    const { logger, parsed } = capture('info');
    const cause = new TypeError('socket hang up');
    const error = Object.assign(new Error('mail not sent', { cause }), { code: 'ECONNRESET', $metadata: { httpStatusCode: 503 } });
    logger.error({ err: error, pledgeId: 'p1' }, 'pledge mail not sent');
    logger.error(new RangeError('bare'), 'an Error as the first argument is logged as err');
    const [first, second] = parsed();
    expect(first).toMatchObject({
      level: 50,
      pledgeId: 'p1',
      msg: 'pledge mail not sent',
      err: {
        type: 'Error',
        message: 'mail not sent',
        stack: expect.stringContaining('Error: mail not sent'),
        code: 'ECONNRESET',
        $metadata: { httpStatusCode: 503 },
        cause: { type: 'TypeError', message: 'socket hang up', stack: expect.stringContaining('TypeError: socket hang up') },
      },
    });
    expect(second).toMatchObject({ err: { type: 'RangeError', message: 'bare' }, msg: 'an Error as the first argument is logged as err' });
  });

  it('does not lose a line to a circular reference or a BigInt', () => {
    const { logger, parsed } = capture('info');
    const looped: Record<string, unknown> = { name: 'loop' };
    looped.self = looped;
    logger.info({ looped, big: 10n ** 20n }, 'odd fields');
    expect(parsed()).toEqual([
      expect.objectContaining({ looped: { name: 'loop', self: '[Circular]' }, big: '100000000000000000000', msg: 'odd fields' }),
    ]);
  });

  it('writes to stdout by default, one write per line', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const logger = createJsonLogger({ level: 'info', base: { service: 'koldoo-test' } });
      logger.info({ a: 1 }, 'one');
      logger.child({ requestId: 'r' }).error('two');
      expect(write).toHaveBeenCalledTimes(2);
      expect(JSON.parse(String(write.mock.calls[1]![0]))).toMatchObject({ level: 50, service: 'koldoo-test', requestId: 'r', msg: 'two' });
      expect(String(write.mock.calls[0]![0]).endsWith('}\n')).toBe(true);
    } finally {
      write.mockRestore();
    }
  });
});
