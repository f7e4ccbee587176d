import { useEffect, useState } from 'react';
import type { Endpoints } from '../api/endpoints';
import type { Agent, SupportGroup } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/language';
import { bilingual } from '../lib/bilingual';

/** Names for the ids tickets carry: assignment groups and agents, as routing knows them. */
export interface Directory {
  groups: SupportGroup[];
  agents: Agent[];
  groupName(id: string | null): string | null;
  personName(userId: string | null): string | null;
}

const EMPTY: Directory = directoryOf([], [], 'en');
interface RawDirectory {
  groups: SupportGroup[];
  agents: Agent[];
}

const cache = new WeakMap<Endpoints, Promise<RawDirectory>>();

/** Names are often kept as "Русское / English"; the reader gets their half. */
function directoryOf(groups: SupportGroup[], agents: Agent[], language: Language): Directory {
  const localGroups = groups.map((group) => ({ ...group, name: bilingual(group.name, language) }));
  const localAgents = agents.map((agent) => ({
    ...agent,
    displayName: bilingual(agent.displayName, language),
  }));
  const groupNames = new Map(localGroups.map((group) => [group.id, group.name]));
  const people = new Map(localAgents.map((agent) => [agent.userId, agent.displayName]));
  return {
    groups: localGroups,
    agents: localAgents,
    groupName: (id) => (id === null ? null : (groupNames.get(id) ?? id)),
    personName: (userId) => (userId === null ? null : (people.get(userId) ?? userId)),
  };
}

function load(call: Endpoints): Promise<RawDirectory> {
  let pending = cache.get(call);
  if (!pending) {
    // Without routing (or its permission) the console still works, showing ids instead of names.
    pending = Promise.all([
      call.groups().then(
        (page) => page.items,
        () => [],
      ),
      call.agents().then(
        (page) => page.items,
        () => [],
      ),
    ]).then(([groups, agents]) => ({ groups, agents }));
    cache.set(call, pending);
  }
  return pending;
}

export function useDirectory(): Directory {
  const { call } = useMe();
  const { language } = useI18n();
  const [directory, setDirectory] = useState<Directory>(EMPTY);
  useEffect(() => {
    let current = true;
    void load(call).then((loaded) => {
      if (current) setDirectory(directoryOf(loaded.groups, loaded.agents, language));
    });
    return () => {
      current = false;
    };
  }, [call, language]);
  return directory;
}
