import { type Principal, principalOf, type Role } from '@itsm/auth';
import { KnowledgeViewer } from '@itsm/contracts';
import { HttpProblemException } from '../problem/http-problem.exception';
import type { ArticleActionName, ArticleAudienceName, ViewName } from './dto/knowledge-enums';
import { checkArticleAction, viewerFor } from './knowledge-access';

function withRole(role: Role): Principal {
  return principalOf({
    kind: 'user',
    id: `${role}-1`,
    name: role,
    roles: [role],
    scopes: [],
    organizationId: null,
    organizationWide: false,
    groupIds: [],
  });
}

/** The status of the problem a call throws, or what it returned. */
function outcome<T>(call: () => T): T | number {
  try {
    return call();
  } catch (error) {
    if (error instanceof HttpProblemException) return error.status;
    throw error;
  }
}

const REQUESTER_VIEW = KnowledgeViewer.KNOWLEDGE_VIEWER_REQUESTER;
const AGENT_VIEW = KnowledgeViewer.KNOWLEDGE_VIEWER_AGENT;

describe('who reads knowledge as an agent', () => {
  it.each<[Role, ViewName | undefined, ArticleAudienceName | undefined, KnowledgeViewer | number]>([
    ['requester', undefined, undefined, REQUESTER_VIEW],
    ['requester', 'requester', 'public', REQUESTER_VIEW],
    ['requester', 'agent', undefined, 403],
    ['requester', undefined, 'internal', 403],
    ['agent', undefined, undefined, REQUESTER_VIEW],
    ['agent', 'agent', undefined, AGENT_VIEW],
    ['agent', undefined, 'internal', AGENT_VIEW],
  ])('a %s asking for view %s, audience %s: %s', (role, view, audience, expected) => {
    expect(outcome(() => viewerFor(withRole(role), view, audience))).toBe(expected);
  });
});

describe('who moves articles', () => {
  it.each<[Role, ArticleActionName, boolean]>([
    ['agent', 'submit', true],
    ['agent', 'approve', false],
    ['agent', 'send_back', false],
    ['agent', 'publish', false],
    ['agent', 'archive', false],
    ['agent', 'rollback', false],
    ['supervisor', 'approve', true],
    ['supervisor', 'rollback', true],
    ['requester', 'submit', false],
  ])('a %s may %s: %s', (role, action, allowed) => {
    expect(outcome(() => checkArticleAction(withRole(role), action))).toBe(
      allowed ? undefined : 403,
    );
  });
});
