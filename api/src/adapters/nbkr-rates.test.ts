/**
 * `fixtures/nbkr-daily.xml` is a hand-made fixture in NBKR's daily.xml format (windows-1251
 * prolog, comma decimals, dd.mm.yyyy, the four currencies the daily list carries), written
 * because this machine has no internet to record the real file. No test here uses the network.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NbkrFormatError, createNbkrRatesSource, parseNbkrDailyXml } from './nbkr-rates.ts';

const fixture = readFileSync(new URL('./fixtures/nbkr-daily.xml', import.meta.url), 'utf8');
const url = 'https://www.nbkr.kg/XML/daily.xml';

describe('parseNbkrDailyXml', () => {
  it('reads the date and every daily currency as exact decimals', () => {
    expect(parseNbkrDailyXml(fixture)).toEqual({
      date: '2026-11-21',
      rates: [
        { currency: 'USD', kgsPerUnit: '87.45' },
        { currency: 'EUR', kgsPerUnit: '101.2345' },
        { currency: 'KZT', kgsPerUnit: '0.169' },
        { currency: 'RUB', kgsPerUnit: '1.0951' },
      ],
    });
  });

  it('has no TRY or GBP: those are on NBKR’s weekly list, not the daily one', () => {
    const codes = parseNbkrDailyXml(fixture).rates.map((r) => r.currency);
    expect(codes).not.toContain('TRY');
    expect(codes).not.toContain('GBP');
  });

  it('divides by Nominal exactly, and tolerates one-line elements and attribute order', () => {
    const xml = `<CurrencyRates Date="01.02.2026" Name="Daily Exchange Rates">
      <Currency ISOCode="KZT"><Nominal>100</Nominal><Value>16,9000</Value></Currency>
      <Currency ISOCode="UZS"><Nominal>1000</Nominal><Value>7,1234</Value></Currency>
      <Currency ISOCode="JPY"><Nominal>3</Nominal><Value>1,0000</Value></Currency>
    </CurrencyRates>`;
    expect(parseNbkrDailyXml(xml)).toEqual({
      date: '2026-02-01',
      rates: [
        { currency: 'KZT', kgsPerUnit: '0.169' },
        { currency: 'UZS', kgsPerUnit: '0.007123' }, // 0.0071234 rounded half up to 10⁻⁶
        { currency: 'JPY', kgsPerUnit: '0.333333' },
      ],
    });
  });

  it.each([
    ['not XML at all', '<html>Service unavailable</html>', /no <CurrencyRates>/],
    ['a truncated document', fixture.slice(0, fixture.indexOf('</CurrencyRates>') - 30), /no <CurrencyRates>/],
    ['a truncated element', '<CurrencyRates Date="21.11.2026"><Currency ISOCode="USD"><Nominal>1</Nominal></CurrencyRates>', /1 <Currency> openings but 0/],
    ['a bad date', fixture.replace('21.11.2026', '2026-11-21'), /Date="2026-11-21" is not dd.mm.yyyy/],
    ['an impossible date', fixture.replace('21.11.2026', '31.02.2026'), /not a real day/],
    ['a bad value', fixture.replace('87,4500', '87,45,00'), /USD has no valid <Value> \(87,45,00\)/],
    ['a missing nominal', fixture.replace('<Nominal>1</Nominal>', ''), /USD has no valid <Nominal>/],
    ['a zero value', fixture.replace('87,4500', '0,0000'), /USD has a zero <Value>/],
    ['a bad ISO code', fixture.replace('ISOCode="USD"', 'ISOCode="usd"'), /no valid ISOCode/],
    ['no currencies', '<CurrencyRates Date="21.11.2026"></CurrencyRates>', /no <Currency> elements/],
  ])('refuses %s with a clear error', (_name, xml, message) => {
    expect(() => parseNbkrDailyXml(xml)).toThrow(NbkrFormatError);
    expect(() => parseNbkrDailyXml(xml)).toThrow(message);
  });
});

describe('createNbkrRatesSource', () => {
  const windows1251 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

  it('fetches the configured URL and parses the windows-1251 reply', async () => {
    const calls: { url: string; signal?: AbortSignal }[] = [];
    const source = createNbkrRatesSource({
      url,
      fetch: async (input, init) => {
        calls.push({ url: input, signal: init?.signal });
        return new Response(windows1251(fixture), { headers: { 'content-type': 'text/xml' } });
      },
    });
    const daily = await source.fetchDaily();
    expect(daily.date).toBe('2026-11-21');
    expect(daily.rates).toHaveLength(4);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(url);
    expect(calls[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('reports an HTTP error status', async () => {
    const source = createNbkrRatesSource({ url, fetch: async () => new Response('busy', { status: 503 }) });
    await expect(source.fetchDaily()).rejects.toThrow('NBKR answered HTTP 503');
  });

  it('reports malformed XML as a format error', async () => {
    const source = createNbkrRatesSource({ url, fetch: async () => new Response('<CurrencyRates Date="21.11.2026">') });
    await expect(source.fetchDaily()).rejects.toThrow(NbkrFormatError);
  });

  it('gives up after the timeout', async () => {
    // A fake server that never answers, but honours the abort signal like real fetch does.
    const hanging = (_input: string, init?: { signal?: AbortSignal }) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const source = createNbkrRatesSource({ url, fetch: hanging, timeoutMs: 30 });
    await expect(source.fetchDaily()).rejects.toThrow('NBKR did not answer within 30 ms');
  });

  it('reports an unreachable host', async () => {
    const source = createNbkrRatesSource({ url, fetch: async () => { throw new TypeError('fetch failed'); } });
    await expect(source.fetchDaily()).rejects.toThrow('NBKR could not be reached: fetch failed');
  });
});
