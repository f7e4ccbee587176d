import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AddAttachmentDto } from './attachment.dto';

async function violatedFields(body: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(plainToInstance(AddAttachmentDto, body));
  return errors.map((error) => error.property);
}

describe('AddAttachmentDto', () => {
  it('takes an uploader of 1 to 200 characters, or none (the caller uploads)', async () => {
    expect(await violatedFields({})).toEqual([]);
    expect(await violatedFields({ uploadedBy: 'agent-17' })).toEqual([]);
    expect(await violatedFields({ uploadedBy: 'x'.repeat(200) })).toEqual([]);
  });

  it('refuses a blank uploader, an overlong one, and the field sent twice', async () => {
    expect(await violatedFields({ uploadedBy: '' })).toEqual(['uploadedBy']);
    expect(await violatedFields({ uploadedBy: 'x'.repeat(201) })).toEqual(['uploadedBy']);
    // multer turns a repeated text field into an array.
    expect(await violatedFields({ uploadedBy: ['agent-1', 'agent-2'] })).toEqual(['uploadedBy']);
  });
});
