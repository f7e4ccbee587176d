import { ValidationException } from '../problem/validation.exception';
import { ImportSubmissionPipe } from './import-submission.decorator';

const pipe = new ImportSubmissionPipe();
const csv = 'type,name,external_id\nlaptop,LT-1,1C-1\n';

async function refusedFields(sent: Parameters<ImportSubmissionPipe['transform']>[0]) {
  try {
    await pipe.transform(sent);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationException)) throw error;
    return [...new Set(error.errors.map(({ field }) => field))].sort();
  }
}

describe('an import as sent', () => {
  it('is the JSON envelope when sent as JSON; the query plays no part', async () => {
    expect(
      await pipe.transform({
        csv: false,
        body: { format: 'csv', content: csv, actorId: 'a' },
        query: { anything: 'x' },
      }),
    ).toEqual({ kind: 'json', body: { format: 'csv', content: csv, actorId: 'a' } });
  });

  it('is the file with the options of its query when sent as text/csv', async () => {
    expect(
      await pipe.transform({
        csv: true,
        body: csv,
        query: { type: 'laptop', dryRun: 'true', actorId: 'a' },
      }),
    ).toEqual({
      kind: 'csv',
      content: csv,
      options: { type: 'laptop', dryRun: true, actorId: 'a' },
    });
  });

  it.each([
    [
      'a JSON request without a body',
      { csv: false, body: undefined, query: {} },
      ['content', 'format'],
    ],
    ['an empty CSV file', { csv: true, body: ' \n', query: { actorId: 'a' } }, ['body']],
    [
      'a CSV file with a blank actor and an option it does not take',
      { csv: true, body: csv, query: { format: 'csv', actorId: '' } },
      ['actorId', 'format'],
    ],
  ])('refuses %s, naming the fields', async (_, sent, fields) => {
    expect(await refusedFields(sent)).toEqual(fields);
  });
});
