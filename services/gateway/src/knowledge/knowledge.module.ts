import { Module } from '@nestjs/common';
import { ArticlesHttpController } from './articles.http-controller';
import { knowledgeClientProvider } from './knowledge-client.provider';
import { KnowledgeHttpController } from './knowledge.http-controller';

@Module({
  controllers: [KnowledgeHttpController, ArticlesHttpController],
  providers: [knowledgeClientProvider],
})
export class KnowledgeModule {}
