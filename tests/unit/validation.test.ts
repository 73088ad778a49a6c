import { formatProblem, parseDatasetText, validateDataset } from '../../src/data/validation';
import { smallDataset, smallDatasetText } from '../fixtures/loadFixture';

const messagesFor = (input: unknown) => {
  const result = validateDataset(input);
  if (result.ok) throw new Error('expected the dataset to be rejected');
  return result.problems.map(formatProblem);
};

describe('dataset validation', () => {
  it('accepts the small fixture and keeps its rows', () => {
    const result = parseDatasetText(smallDatasetText());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.dataset.aid).toHaveLength(4);
      expect(result.dataset.strikes?.[1]?.civiliansMin).toBeNull();
    }
  });

  it('names the JSON path, the rule and the value for a non-numeric amount', () => {
    const data = smallDataset() as unknown as { aid: Record<string, unknown>[] };
    data.aid[2]!.amount = 'n/a';
    expect(messagesFor(data)).toContain('aid[2].amount: must be a number ≥ 0 (got "n/a")');
  });

  it('rejects negative amounts, impossible dates and min > max', () => {
    const data = smallDataset();
    data.aid![0]!.amount = -5;
    data.events![0]!.date = '2011-02-30';
    data.strikes![0]!.killedMin = 9;
    const messages = messagesFor(data);
    expect(messages).toContain('aid[0].amount: must be a number ≥ 0 (got -5)');
    expect(messages).toContain('events[0].date: must be a date written YYYY-MM-DD, YYYY-MM or YYYY (got "2011-02-30")');
    expect(messages.some((m) => m.startsWith('strikes[0].killedMax: must not be less than killedMin'))).toBe(true);
  });

  it('reports a missing required field as missing', () => {
    const data = smallDataset() as unknown as { events: Record<string, unknown>[] };
    delete data.events[1]!.title;
    expect(messagesFor(data)).toContain('events[1].title: is required but missing');
  });

  it('reports unresolved source ids and duplicate row ids', () => {
    const data = smallDataset();
    data.events![1]!.sources = ['paper', 'nowhere'];
    data.strikes![1]!.id = 'tbij-B1';
    const messages = messagesFor(data);
    expect(messages).toContain('events[1].sources[1]: names source "nowhere", which is not in sources (got "nowhere")');
    expect(messages).toContain('strikes[1].id: duplicate id "tbij-B1" (got "tbij-B1")');
  });

  it('rejects years outside 1947–2030 and coordinates off the globe', () => {
    const data = smallDataset();
    data.strikeYears![0]!.year = 1900;
    data.strikes![0]!.lat = 134.2;
    const messages = messagesFor(data);
    expect(messages).toContain('strikeYears[0].year: year must be between 1947 and 2030 (got 1900)');
    expect(messages).toContain('strikes[0].lat: must be between -90 and 90 (got 134.2)');
  });

  it('treats a missing table as valid partial data', () => {
    const data = smallDataset();
    delete data.strikes;
    expect(validateDataset(data).ok).toBe(true);
  });

  it('explains empty files, broken JSON and the wrong top-level type', () => {
    const problemText = (text: string) => {
      const result = parseDatasetText(text);
      return result.ok ? [] : result.problems.map(formatProblem);
    };
    expect(problemText('')).toEqual(['the file is empty']);
    expect(problemText('{"version": "1", ')[0]).toMatch(/^the file is not valid JSON/);
    expect(problemText('[1, 2]')[0]).toMatch(/^the dataset must be a JSON object.*\(got a list of 2\)$/);
  });

  it('tolerates a UTF-8 byte-order mark', () => {
    expect(parseDatasetText(`\uFEFF${smallDatasetText()}`).ok).toBe(true);
  });
});
