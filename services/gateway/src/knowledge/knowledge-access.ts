import { can, type Permission, type Principal } from '@itsm/auth';
import { KnowledgeViewer } from '@itsm/contracts';
import { forbidden } from '../auth/auth.guard';
import type { ArticleActionName, ArticleAudienceName, ViewName } from './dto/knowledge-enums';
import { viewerOf } from './knowledge-dto.mapper';

/** Who may read as an agent: internal articles, drafts and working copies. */
export const AGENT_VIEW_PERMISSION: Permission = 'knowledge.read_internal';

/**
 * The view a read is for, as the caller asked (`view=agent`, `audience=internal`), refused with
 * 403 when the caller may not read as an agent: the knowledge service takes the view as given.
 */
export function viewerFor(
  principal: Principal,
  view: ViewName | undefined,
  audience?: ArticleAudienceName,
): KnowledgeViewer {
  const viewer = viewerOf(view, audience);
  if (viewer === KnowledgeViewer.KNOWLEDGE_VIEWER_AGENT && !can(principal, AGENT_VIEW_PERMISSION))
    throw forbidden(`the agent view (internal articles and drafts) needs ${AGENT_VIEW_PERMISSION}`);
  return viewer;
}

/**
 * What each article action needs: authors submit their drafts; reviewing, publishing, archiving
 * and rolling back decide what readers find, and are the knowledge managers' (supervisors').
 */
export const ARTICLE_ACTION_PERMISSIONS: Readonly<Record<ArticleActionName, Permission>> = {
  submit: 'knowledge.write',
  approve: 'knowledge.publish',
  send_back: 'knowledge.publish',
  publish: 'knowledge.publish',
  archive: 'knowledge.publish',
  rollback: 'knowledge.publish',
};

/** Refuses with 403 an article action the caller's role does not allow. */
export function checkArticleAction(principal: Principal, action: ArticleActionName): void {
  const permission = ARTICLE_ACTION_PERMISSIONS[action];
  if (!can(principal, permission))
    throw forbidden(`your role does not allow ${action} (${permission} is needed)`);
}
