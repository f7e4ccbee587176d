import {
  type ArticleContent as ArticleContentMessage,
  ArticleViewSource,
  type CreateArticleRequest,
  fromTimestamp,
  KnowledgeViewer,
  type Timestamp,
  type TransitionArticleRequest,
  type UpdateArticleRequest,
} from '@itsm/contracts';
import { assertUnreachable } from '@itsm/lang';
import {
  articleActionMessages,
  audienceMessages,
  fromMessage,
  languageMessages,
} from '../application/article-message.mapper';
import type { CreateArticleCommand } from '../application/create-article/create-article.command';
import type { TransitionArticleCommand } from '../application/transition-article/transition-article.command';
import type { UpdateArticleCommand } from '../application/update-article/update-article.command';
import type { ArticleContent } from '../domain/article';
import type { ArticleEdit } from '../domain/article-edit';
import type { Viewer } from '../domain/article-visibility';
import type { ViewSource } from '../domain/feedback';
import { type FieldViolation, throwIfInvalid } from '../domain/knowledge-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id the database keeps as a uuid; anything else is refused before it reaches SQL. */
export function uuidOf(field: string, value: string, violations: FieldViolation[]): string {
  if (!UUID.test(value)) violations.push({ field, message: `${field} must be a UUID` });
  return value.toLowerCase();
}

export function requiredUuid(field: string, value: string): string {
  const violations: FieldViolation[] = [];
  const id = uuidOf(field, value, violations);
  throwIfInvalid(`${field} is invalid`, violations);
  return id;
}

export function optionalUuid(
  field: string,
  value: string,
  violations: FieldViolation[],
): string | undefined {
  return value ? uuidOf(field, value, violations) : undefined;
}

function optionalDate(timestamp: Timestamp | undefined): Date | null {
  return timestamp ? fromTimestamp(timestamp) : null;
}

/** UNSPECIFIED is the requester: the narrowest view is the default. */
export function viewerOf(viewer: KnowledgeViewer): Viewer {
  return viewer === KnowledgeViewer.KNOWLEDGE_VIEWER_AGENT ? 'agent' : 'requester';
}

export function viewSourceOf(source: ArticleViewSource): ViewSource {
  switch (source) {
    case ArticleViewSource.ARTICLE_VIEW_SOURCE_SEARCH:
      return 'search';
    case ArticleViewSource.ARTICLE_VIEW_SOURCE_SUGGESTION:
      return 'suggestion';
    case ArticleViewSource.ARTICLE_VIEW_SOURCE_DIRECT:
    case ArticleViewSource.ARTICLE_VIEW_SOURCE_UNSPECIFIED:
    case ArticleViewSource.UNRECOGNIZED:
      return 'direct';
    default:
      return assertUnreachable(source, 'view source');
  }
}

function contentOf(
  message: ArticleContentMessage | undefined,
  violations: FieldViolation[],
): ArticleContent {
  const audience = fromMessage(audienceMessages, message?.audience);
  if (!audience) {
    violations.push({ field: 'content.audience', message: 'audience must be public or internal' });
  }
  return {
    title: message?.title ?? '',
    body: message?.body ?? '',
    audience: audience ?? 'internal',
    categoryId: optionalUuid('content.categoryId', message?.categoryId ?? '', violations) ?? null,
    tags: message?.tags ?? [],
    serviceIds: message?.serviceIds ?? [],
    configurationItemIds: message?.configurationItemIds ?? [],
  };
}

export function toCreateArticleCommand(request: CreateArticleRequest): CreateArticleCommand {
  const violations: FieldViolation[] = [];
  const language = fromMessage(languageMessages, request.language);
  if (!language) violations.push({ field: 'language', message: 'language must be ru or en' });
  const content = contentOf(request.content, violations);
  const translationOf = optionalUuid('translationOf', request.translationOf, violations);
  throwIfInvalid('the article is invalid', violations);
  return {
    language: language ?? 'ru',
    content,
    authorId: request.authorId,
    translationOf,
    reviewBy: optionalDate(request.reviewBy),
    expiresAt: optionalDate(request.expiresAt),
  };
}

/** update_paths in the contract's spelling → the domain's field. */
const UPDATE_PATHS = {
  title: 'title',
  body: 'body',
  audience: 'audience',
  category_id: 'categoryId',
  tags: 'tags',
  service_ids: 'serviceIds',
  configuration_item_ids: 'configurationItemIds',
  review_by: 'reviewBy',
  expires_at: 'expiresAt',
  outdated: 'outdated',
} as const;

type UpdatePath = keyof typeof UPDATE_PATHS;

function isUpdatePath(path: string): path is UpdatePath {
  return Object.hasOwn(UPDATE_PATHS, path);
}

/** The edit named by update_paths; a named field takes the request's value, absent clears it. */
export function toUpdateArticleCommand(request: UpdateArticleRequest): UpdateArticleCommand {
  const violations: FieldViolation[] = [];
  const articleId = uuidOf('id', request.id, violations);
  if (request.updatePaths.length === 0) {
    violations.push({ field: 'updatePaths', message: 'name at least one field to change' });
  }
  const content: Partial<ArticleContent> = {};
  const edit: ArticleEdit = {};
  for (const path of request.updatePaths) {
    if (!isUpdatePath(path)) {
      violations.push({
        field: path,
        message: `${path} cannot be edited; editable: ${Object.keys(UPDATE_PATHS).join(', ')}`,
      });
      continue;
    }
    const given = request.content;
    switch (path) {
      case 'title':
        content.title = given?.title ?? '';
        break;
      case 'body':
        content.body = given?.body ?? '';
        break;
      case 'audience': {
        const audience = fromMessage(audienceMessages, given?.audience);
        if (audience) content.audience = audience;
        else violations.push({ field: 'audience', message: 'audience must be public or internal' });
        break;
      }
      case 'category_id':
        content.categoryId =
          optionalUuid('content.categoryId', given?.categoryId ?? '', violations) ?? null;
        break;
      case 'tags':
        content.tags = given?.tags ?? [];
        break;
      case 'service_ids':
        content.serviceIds = given?.serviceIds ?? [];
        break;
      case 'configuration_item_ids':
        content.configurationItemIds = given?.configurationItemIds ?? [];
        break;
      case 'review_by':
        edit.reviewBy = optionalDate(request.reviewBy);
        break;
      case 'expires_at':
        edit.expiresAt = optionalDate(request.expiresAt);
        break;
      case 'outdated':
        edit.outdated = request.outdated;
        break;
      default:
        assertUnreachable(path, 'update path');
    }
  }
  throwIfInvalid('the edit is invalid', violations);
  if (Object.keys(content).length > 0) edit.content = content;
  return {
    articleId,
    expectedRevision: request.expectedRevision || undefined,
    editorId: request.editorId,
    edit,
  };
}

export function toTransitionCommand(request: TransitionArticleRequest): TransitionArticleCommand {
  const violations: FieldViolation[] = [];
  const articleId = uuidOf('id', request.id, violations);
  const action = fromMessage(articleActionMessages, request.action);
  if (!action) violations.push({ field: 'action', message: 'action is required' });
  if (action === 'rollback' && request.version < 1) {
    violations.push({ field: 'version', message: 'rollback needs the version to restore' });
  }
  throwIfInvalid('the transition is invalid', violations);
  return {
    articleId,
    action: action ?? 'submit',
    actorId: request.actorId,
    comment: request.comment || undefined,
    version: request.version || undefined,
    expectedRevision: request.expectedRevision || undefined,
  };
}
