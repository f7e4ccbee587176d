import { CreateOutboxAndInbox1765094400000 } from './1765094400000-create-outbox-and-inbox';
import { CreateArticles1765094400001 } from './1765094400001-create-articles';
import { CreateArticleFeedback1765094400002 } from './1765094400002-create-article-feedback';
import { CreateArticleIndexQueue1765094400003 } from './1765094400003-create-article-index-queue';

/** In order; listed explicitly so the bundle carries them. */
export const knowledgeMigrations = [
  CreateOutboxAndInbox1765094400000,
  CreateArticles1765094400001,
  CreateArticleFeedback1765094400002,
  CreateArticleIndexQueue1765094400003,
];
