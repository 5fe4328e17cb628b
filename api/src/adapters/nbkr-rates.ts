import type { TRatesSource } from '../domain/ports.ts';
import { divideHalfUp, formatRateDecimal, parseRateDecimal } from '@koldoo/shared/rate-decimal.ts';

/**
 * The National Bank of the Kyrgyz Republic's official daily rates (https://www.nbkr.kg/XML/daily.xml):
 *
 *   <CurrencyRates Name="Daily Exchange Rates" Date="21.11.2026">
 *     <Currency ISOCode="USD"><Nominal>1</Nominal><Value>87,4500</Value></Currency> …
 *
 * Comma decimals, dd.mm.yyyy dates, and `Value` is KGS per `Nominal` units. The daily list has
 * USD, EUR, KZT and RUB only; TRY and GBP are in NBKR's weekly list, so they are simply absent
 * here and keep their last stored rate.
 */
export type TNbkrDaily = Awaited<ReturnType<TRatesSource['fetchDaily']>>;

export class NbkrFormatError extends Error {
  constructor(detail: string) {
    super(`NBKR daily rates XML is malformed: ${detail}`);
    this.name = 'NbkrFormatError';
  }
}

// Deliberately a few regular expressions rather than an XML library: the document is tiny,
// flat and fixed, and every field we read is checked, so a changed format fails loudly.
const rootPattern = /<CurrencyRates\b([^>]*)>([\s\S]*)<\/CurrencyRates>/;
const currencyPattern = /<Currency\b([^>]*)>([\s\S]*?)<\/Currency>/g;
const attribute = (attributes: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1];
const element = (body: string, name: string) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(body)?.[1];

/** Parses NBKR's daily XML into ISO date and exact decimal KGS-per-unit strings. Throws NbkrFormatError. */
export function parseNbkrDailyXml(xml: string): TNbkrDaily {
  const root = rootPattern.exec(xml);
  if (!root) throw new NbkrFormatError('no <CurrencyRates>…</CurrencyRates> element');
  const [, rootAttributes = '', body = ''] = root;
  const date = parseNbkrDate(attribute(rootAttributes, 'Date'));

  const rates: TNbkrDaily['rates'] = [];
  for (const [, attributes = '', inner = ''] of body.matchAll(currencyPattern)) {
    const currency = attribute(attributes, 'ISOCode');
    if (!currency || !/^[A-Z]{3}$/.test(currency)) throw new NbkrFormatError(`a <Currency> has no valid ISOCode (${currency ?? 'none'})`);
    rates.push({ currency, kgsPerUnit: perUnit(currency, element(inner, 'Nominal'), element(inner, 'Value')) });
  }
  // An opening tag that the element pattern did not consume means a truncated or broken element.
  const openings = body.match(/<Currency\b/g)?.length ?? 0;
  if (openings !== rates.length) throw new NbkrFormatError(`${openings} <Currency> openings but ${rates.length} complete elements`);
  if (rates.length === 0) throw new NbkrFormatError('no <Currency> elements');
  return { date, rates };
}

function parseNbkrDate(raw: string | undefined): string {
  const match = raw ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw.trim()) : null;
  if (!match) throw new NbkrFormatError(`Date="${raw ?? ''}" is not dd.mm.yyyy`);
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  // Round-tripping through Date rejects 31.02.2026 and friends.
  if (Number.isNaN(Date.parse(iso)) || new Date(iso).toISOString().slice(0, 10) !== iso) throw new NbkrFormatError(`Date="${raw}" is not a real day`);
  return iso;
}

/** "87,4500" per Nominal 1 → "87.45"; per Nominal 100 the value is divided exactly (to 10⁻⁶, half up past that). */
function perUnit(currency: string, nominal: string | undefined, value: string | undefined): string {
  if (!nominal || !/^[1-9]\d*$/.test(nominal)) throw new NbkrFormatError(`${currency} has no valid <Nominal> (${nominal ?? 'none'})`);
  if (!value || !/^\d+(?:[,.]\d+)?$/.test(value)) throw new NbkrFormatError(`${currency} has no valid <Value> (${value ?? 'none'})`);
  let scaled: bigint;
  try {
    scaled = parseRateDecimal(value.replace(',', '.'));
  } catch (error) {
    throw new NbkrFormatError(`${currency} <Value> ${value}: ${(error as Error).message}`);
  }
  if (scaled === 0n) throw new NbkrFormatError(`${currency} has a zero <Value>`);
  return formatRateDecimal(divideHalfUp(scaled, BigInt(nominal)));
}

type TFetch = (input: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

/**
 * The TRatesSource for production. `fetch` is injected so tests never touch the network; the
 * timeout keeps a slow National Bank from holding a moderator's request (or a job) forever.
 */
export function createNbkrRatesSource(options: { url: string; fetch?: TFetch; timeoutMs?: number }): TRatesSource {
  const fetchImpl: TFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async fetchDaily() {
      let response: Response;
      try {
        response = await fetchImpl(options.url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/xml, text/xml' } });
      } catch (error) {
        const isTimeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new Error(isTimeout ? `NBKR did not answer within ${timeoutMs} ms` : `NBKR could not be reached: ${(error as Error).message}`, { cause: error });
      }
      if (!response.ok) throw new Error(`NBKR answered HTTP ${response.status}`);
      return parseNbkrDailyXml(decode(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type')));
    },
  };
}

/** NBKR serves windows-1251 (declared in the XML prolog); the fields we read are ASCII either way. */
function decode(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /encoding=["']([\w-]+)["']/i.exec(head)?.[1] ?? /charset=([\w-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(declared).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an unknown label: the ASCII fields still read correctly
  }
}
