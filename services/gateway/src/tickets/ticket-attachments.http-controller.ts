import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { Attachment, TicketsServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { downloadHeaders } from './attachment-download';
import {
  toAddAttachmentRequest,
  toAttachmentDto,
  type UploadedAttachment,
} from './attachment-dto.mapper';
import { UploadAttachment } from './attachment-upload.decorator';
import { AddAttachmentDto, AttachmentDto, AttachmentListDto } from './dto/attachment.dto';
import { TICKETS_PATH } from './ticket-response';
import { TICKETS_CLIENT } from './tickets-client.provider';

function requiredAttachment(attachment: Attachment | undefined): Attachment {
  if (!attachment) throw new Error('the tickets service answered without an attachment');
  return attachment;
}

@ApiTags('tickets')
@Controller(`${TICKETS_PATH}/:id/attachments`)
export class TicketAttachmentsHttpController {
  constructor(@Inject(TICKETS_CLIENT) private readonly tickets: TicketsServiceClient) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @UploadAttachment()
  @ApiOperation({
    summary:
      'Attach a file (at most 10 MiB) to an open ticket; the same file again by the same uploader answers the first attachment with 200',
    description:
      'multipart/form-data with one `file` part and, optionally, the `uploadedBy` field. Images, PDF, text, ' +
      'mail, archives and office documents are accepted; other types, programs and scripts are ' +
      'refused with 400, a larger file with 413, a closed or cancelled ticket with 409.',
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiOkResponse({
    type: AttachmentDto,
    description: 'The uploader had attached this file already.',
  })
  @ApiProblemResponses(400, 404, 409, 413, 503)
  @RequirePermission('tickets.comment')
  async add(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: AddAttachmentDto,
    @UploadedFile() file: UploadedAttachment | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttachmentDto> {
    const uploadedBy = actorFor(principal, body.uploadedBy, 'tickets.act_on_behalf');
    const { attachment, created } = await firstValueFrom(
      this.tickets.addAttachment(toAddAttachmentRequest(id, uploadedBy, file)),
    );
    const dto = toAttachmentDto(requiredAttachment(attachment));
    response.setHeader('Location', `${TICKETS_PATH}/${id}/attachments/${dto.id}`);
    if (!created) response.status(HttpStatus.OK);
    return dto;
  }

  @Get()
  @ApiOperation({ summary: 'The files attached to a ticket, oldest first, without their content' })
  @ApiOkResponse({ type: AttachmentListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.read')
  async list(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<AttachmentListDto> {
    const { attachments } = await firstValueFrom(this.tickets.listAttachments({ ticketId: id }));
    return { items: attachments.map(toAttachmentDto) };
  }

  @Get(':attachmentId')
  @ApiOperation({
    summary: 'Download an attached file, under its own name and type',
    description:
      'The body is the file as uploaded, with its type as Content-Type; browsers save it ' +
      '(Content-Disposition: attachment) rather than show it.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The content of the file.',
    schema: { type: 'string', format: 'binary' },
    headers: {
      'Content-Disposition': {
        description:
          'attachment; filename="<ASCII stand-in>"; filename*=UTF-8\'\'<the name, percent-encoded>',
        schema: { type: 'string' },
      },
      ETag: { description: 'The SHA-256 of the content, quoted.', schema: { type: 'string' } },
    },
  })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.read')
  async download(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Param('attachmentId', new ParseUUIDPipe({ version: undefined })) attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await firstValueFrom(
      this.tickets.getAttachment({ ticketId: id, attachmentId }),
    );
    response.set(downloadHeaders(requiredAttachment(attachment), content.length));
    return new StreamableFile(content);
  }
}
