import type { CatalogueTree } from '../i18n.js';

/** Português do Brasil. Termos: "gerado por IA", "indícios", "probabilidade estimada". */
export default {
  /** The buttons under every result. */
  buttons: {
    recheck: 'Verificar de novo',
    feedback: 'Resultado errado?',
    delete: 'Excluir',
  },
  verdict: {
    strong: 'Fortes indícios de geração por IA',
    some: 'Alguns indícios de geração por IA',
    little: 'Poucos indícios de geração por IA',
    likelihood: '{percent} de probabilidade estimada de geração por IA',
    below: '<{percent}',
    above: '>{percent}',
    milliseconds: '{value} ms',
    seconds: '{value} s',
    cached: 'em cache',
    couldNotCheck: 'Não foi possível verificar',
    caveat: 'A detecção de IA é probabilística: trate isto como um sinal, não como prova.',
    simulated: 'SIMULADO: não há credenciais do BitMind configuradas, então esta não é uma detecção real.',
    simulatedLine: '[simulado] {line}',
    placeholder:
      '{count, plural, one {Verificando # arquivo…} many {Verificando # arquivos…} other {Verificando # arquivos…}}',
  },
  source: {
    asVideo: 'o {type} animado, como vídeo',
    converted: 'convertido de {type}',
    firstFrame: 'o primeiro quadro de um {type} animado',
    foundImage: 'imagem encontrada na página vinculada {page}',
    foundVideo: 'vídeo encontrado na página vinculada {page}',
    foundMedium: 'mídia encontrada na página vinculada {page}',
  },
  summary: {
    one: 'BitMind: {headline} ({likelihood})',
    oneFailed: 'O BitMind não conseguiu verificar {name}: {detail}',
    many: '{count, plural, one {O BitMind verificou # arquivo: {flagged} com indícios de geração por IA} many {O BitMind verificou # arquivos: {flagged} com indícios de geração por IA} other {O BitMind verificou # arquivos: {flagged} com indícios de geração por IA}}',
    manyNone:
      '{count, plural, one {O BitMind verificou # arquivo: nenhum com indícios de geração por IA} many {O BitMind verificou # arquivos: nenhum com indícios de geração por IA} other {O BitMind verificou # arquivos: nenhum com indícios de geração por IA}}',
    withFailed:
      '{count, plural, one {{line}; # não pôde ser verificado} many {{line}; # não puderam ser verificados} other {{line}; # não puderam ser verificados}}',
    withSkipped:
      '{count, plural, one {{line} (mais # ignorado: muitos em um só pedido)} many {{line} (mais # ignorados: muitos em um só pedido)} other {{line} (mais # ignorados: muitos em um só pedido)}}',
  },
  error: {
    unsupported_type: 'Este arquivo não é uma imagem ou um vídeo que o BitMind consiga verificar.',
    too_large: 'Este arquivo passa do limite de tamanho.',
    download_failed: 'Não foi possível baixar o arquivo.',
    blocked_url: 'Esse endereço não é permitido.',
    unauthorized: 'O BitMind não aceitou as credenciais do bot.',
    forbidden: 'Esta conta do BitMind não pode verificar este tipo de arquivo.',
    rate_limited: 'Verificações demais por agora; tente mais tarde.',
    budget:
      '{count, plural, one {Você já usou sua # verificação desta hora} many {Você já usou suas # verificações desta hora} other {Você já usou suas # verificações desta hora}}. Haverá mais às {time} UTC (em {minutes}).',
    bad_request: 'O BitMind não conseguiu ler este arquivo.',
    unavailable: 'O BitMind está indisponível no momento; tente de novo em um minuto.',
    timeout: 'A verificação demorou demais; tente mais tarde.',
    busy: 'O bot está ocupado, tente de novo daqui a pouco.',
  },
  failure: {
    restarting: 'O BitMind está reiniciando, tente de novo em um minuto.',
    stateUnavailable:
      'Não consigo aceitar verificações agora (meu estado compartilhado está inacessível). Tente de novo em um minuto.',
    generic: 'Algo deu errado ao verificar este arquivo. Tente de novo em um minuto.',
    gaveUp:
      'O BitMind não conseguiu concluir esta verificação depois de muitas tentativas. Tente de novo mais tarde.',
    command: 'Algo deu errado. Tente de novo em um minuto.',
    finish: 'O BitMind não conseguiu concluir esta verificação: {message}',
    title: '⚠️ O BitMind não conseguiu verificar isto',
    sorry: 'Desculpe: {message}',
  },
  reply: {
    couldNotCheck: 'Não foi possível verificar: {detail}',
    requestedBy: 'Pedido por <@{user}>',
    askedBy: 'Pedido por {who}',
    askedWith: 'Pedido por {who} com {emoji}',
    autoscanOf: 'Verificação automática de uma mensagem de {who}',
    repeat: 'Já verificado nesta hora: esta é a mesma resposta.',
    more: '{count, plural, one {…e mais # arquivo: {flagged} com indícios de geração por IA.} many {…e mais # arquivos: {flagged} com indícios de geração por IA.} other {…e mais # arquivos: {flagged} com indícios de geração por IA.}}',
    moreFailed:
      '{count, plural, one {…e mais # arquivo: {flagged} com indícios de geração por IA; sem verificação: {failed}.} many {…e mais # arquivos: {flagged} com indícios de geração por IA; sem verificação: {failed}.} other {…e mais # arquivos: {flagged} com indícios de geração por IA; sem verificação: {failed}.}}',
    skipped:
      '{count, plural, one {Mais # arquivo não foi verificado: muitos em um só pedido.} many {Mais # arquivos não foram verificados: muitos em um só pedido.} other {Mais # arquivos não foram verificados: muitos em um só pedido.}}',
    hidden:
      '{count, plural, one {…e mais # arquivo não exibido: o Discord limita quanto cabe em uma mensagem.} many {…e mais # arquivos não exibidos: o Discord limita quanto cabe em uma mensagem.} other {…e mais # arquivos não exibidos: o Discord limita quanto cabe em uma mensagem.}}',
  },
  /** The moderation tools on both platforms: answers to a result's buttons, the mod log and its command. */
  moderation: {
    press: {
      expired:
        'Este resultado é antigo demais para os botões (eles funcionam por 7 dias), ou foi excluído. Peça uma nova verificação.',
      forged: 'Esse botão não pertence a nenhum resultado meu aqui, então não fiz nada.',
      feedbackThanks:
        'Obrigado: seu aviso de que este resultado parece errado foi registrado, e os moderadores foram informados.',
      feedbackAgain: 'Você já avisou sobre este resultado. Obrigado.',
      deleteRefused: 'Só quem pediu esta verificação, ou um moderador, pode excluí-la.',
      unreadable:
        'Esse clique no botão chegou num formato que não consegui ler, então não fiz nada. Tente de novo.',
      recheckFailed: 'Não foi possível verificar de novo, então o resultado continua como estava: {reason}',
    },
    log: {
      resultTitle: 'Indícios de geração por IA',
      feedbackTitle: 'Um resultado foi apontado como errado',
      verdict: 'Veredito',
      verdictLine: '{summary} ({band})',
      postedBy: 'Publicado por',
      askedBy: 'Pedido por',
      autoscan: 'verificação automática',
      reportedBy: 'Apontado por',
      trigger: 'Origem',
      original: 'Mensagem original',
      noLink: 'nenhuma mensagem para linkar',
      unpostable:
        'Não consigo publicar o registro de moderação em <#{channel}>: me convide para lá (ou me dê permissão para enviar mensagens) e defina-o de novo. Até lá, o registro de moderação fica pausado.',
    },
    band: {
      strong: 'fortes indícios de geração por IA',
      some: 'alguns indícios de geração por IA',
      little: 'poucos indícios de geração por IA',
      none: 'nada pôde ser verificado',
    },
    trigger: {
      command: 'comando',
      shortcut: 'atalho',
      autoscan: 'verificação automática',
      reaction: 'reação',
      recheck: 'nova verificação',
    },
    modlog: {
      set: 'O registro de moderação agora é <#{channel}>: os resultados com indícios de geração por IA e os avisos de resultados errados vão para lá.',
      off: 'O registro de moderação está desativado.',
      status: 'O registro de moderação é <#{channel}>.',
    },
  },
  slack: {
    noMediaInMessage: 'Essa mensagem não tem nenhuma imagem ou vídeo que eu consiga verificar.',
    cannotReadShortcut:
      'O Slack enviou essa mensagem num formato que não consegui ler, então não a verifiquei. Tente de novo.',
    cannotReadCommand:
      'O Slack enviou esse comando num formato que não consegui ler, então não pude responder. Tente de novo.',
    noRecentMedia:
      'Não encontrei nenhuma imagem ou vídeo nas últimas 20 mensagens daqui. Tente `{command} check <link>` ou use "{shortcut}" em uma mensagem.',
    cannotReadChannel: 'Não consigo ler esta conversa. Me convide com `/invite @BitMind` e peça de novo.',
    notALink: 'Isso não parece um link. Tente `{command} check https://example.com/photo.jpg`.',
    onlyFilesSharedHere: 'Aqui só consigo verificar um arquivo que foi compartilhado neste canal.',
    onlyMessagesFromHere: 'Só consigo verificar um link de mensagem deste canal.',
    autoscanRefused:
      'Desculpe, só administradores e proprietários do workspace (ou as pessoas indicadas por quem opera este bot) podem mudar a verificação automática. Peça a um deles para rodar este comando.',
    unknownVerb: 'Não conheço `{verb}`.',
    help: {
      intro: 'O *BitMind* estima a probabilidade de uma imagem ou vídeo ter sido gerado por IA.',
      checkLink:
        '• `{command} check <link>`: verifica uma imagem ou vídeo de um link, ou um arquivo ou link de mensagem do Slack deste canal',
      checkLatest: '• `{command} check`: verifica a imagem ou vídeo mais recente desta conversa',
      react: '• Reaja com :{emoji}: a uma mensagem ou use "{shortcut}" no menu dela',
      status: '• `{command} status`: a saúde do BitMind e as verificações recentes deste workspace',
      autoscan:
        '• `{command} autoscan on|off|status`: verifica cada imagem e vídeo compartilhado neste canal (administradores)',
      mode: '• `{command} autoscan mode flagged|all|silent`: responder só a indícios de geração por IA, a tudo, ou só com reações (administradores)',
      modlog:
        '• `{command} modlog #canal|off`: onde também são publicados os resultados com indícios de geração por IA e os avisos de resultados errados (administradores)',
    },
    status: {
      title: '*Status do BitMind*',
      health: '• BitMind: {status}',
      healthRegion: '• BitMind: {status} ({region})',
      answering: 'respondendo',
      unreachable: '• BitMind: :warning: inacessível ({problem})',
      allowed: '• Permitido: imagens {image}  vídeos {video}  lotes {batch}',
      allowedUnknown: '• Permitido: desconhecido ({problem})',
      autoscanOn: '• Verificação automática aqui: ligada ({mode})',
      autoscanOff: '• Verificação automática aqui: desligada',
      reaction: '• Reação que pede uma verificação: :{emoji}:',
      recent: '• Verificações recentes neste workspace:',
      noRecent: '• Nenhuma verificação recente neste workspace.',
      files: '{count, plural, one {# arquivo} many {# arquivos} other {# arquivos}}',
      withEvidence: '{count, number} com indícios',
      notChecked:
        '{count, plural, one {# não verificado} many {# não verificados} other {# não verificados}}',
    },
    autoscan: {
      flagged:
        'respondo só quando um arquivo mostra indícios de geração por IA, e marco o resto com :white_check_mark:',
      all: 'respondo a cada imagem e vídeo',
      silent: 'só reajo: :warning: para indícios de geração por IA, :white_check_mark: caso contrário',
      on: 'A verificação automática está *ligada* neste canal (modo `{mode}`: {meaning}).',
      off: 'A verificação automática está *desligada* neste canal. Um administrador pode ligá-la com `{command} autoscan on`.',
      usage: 'Tente `{command} autoscan on`, `off`, `status` ou `mode {modes}`.',
      changed: '<@{user}> mudou a verificação automática. {state}',
      changedInvite:
        '<@{user}> mudou a verificação automática. {state} Preciso ser membro deste canal para ver os arquivos novos: `/invite @BitMind`.',
    },
    modlogUsage:
      'Tente `{command} modlog #canal` (escolha o canal na lista do Slack), `{command} modlog off` ou `{command} modlog status`.',
    /** The pages of "Add to Slack" in the browser's language (adapters/slack/install/pages.ts). Plain text: the page escapes it. */
    install: {
      installedTitle: 'O BitMind foi instalado',
      installedIn: 'O BitMind agora faz parte de {where}.',
      installedInWorkspace: 'O BitMind agora faz parte do seu workspace.',
      installedInOrganisation: 'O BitMind agora faz parte da sua organização.',
      nextSteps:
        'Convide o bot para um canal com /invite @BitMind e depois digite {command} help nesse canal para ver o que ele pode fazer. Você já pode fechar esta página.',
      failedTitle: 'O BitMind não foi instalado',
      badState:
        'Este link de instalação expirou, já foi usado ou foi aberto em outro navegador. Comece de novo pelo link de instalação.',
      denied:
        'A instalação foi cancelada no Slack, então nada foi instalado. Comece de novo pelo link de instalação.',
      slackError:
        'O Slack não concluiu a instalação ({code}). Tente de novo daqui a pouco pelo link de instalação.',
      unknown: 'Algo deu errado ao concluir a instalação. Tente de novo pelo link de instalação.',
      startAgain: 'Começar de novo',
    },
    home: {
      adminTitle: 'BitMind para administradores',
      whatItDoes: 'O BitMind estima a probabilidade de uma imagem ou vídeo ter sido gerado por IA.',
      howTo: '*Como verificar algo*',
      react: '• Reaja com :{emoji}: a uma mensagem com imagem ou vídeo',
      shortcut: '• Ou escolha "{shortcut}" no menu de uma mensagem',
      check:
        '• Ou digite `{command} check <link>` em um canal, ou `{command} check` para a imagem ou vídeo mais recente dali',
      help: '• `{command} help` lista todos os comandos',
      autoscanNote:
        'Em alguns canais, seus administradores ligaram a verificação automática: toda imagem e todo vídeo compartilhado ali é verificado.',
      autoscanHeading: '*Verificação automática*',
      noAutoscan:
        'Nenhum canal está com a verificação automática ligada. Ligue-a em um canal com `{command} autoscan on`.',
      mode: {
        flagged: 'responde aos indícios de geração por IA, marca o resto',
        all: 'responde a toda imagem e todo vídeo',
        silent: 'só marca as mensagens com uma reação',
      },
      autoscanLine: '• <#{channel}>: {mode} ({meaning})',
      moreChannels:
        '{count, plural, one {…e mais # canal.} many {…e mais # de canais.} other {…e mais # canais.}}',
      modlogNone:
        '*Registro de moderação*: nenhum. Os resultados com indícios de geração por IA e os avisos de "resultado errado" podem ser publicados em um canal à sua escolha.',
      modlogSet:
        '*Registro de moderação*: <#{channel}> recebe os resultados com indícios de geração por IA e os avisos de "resultado errado".',
      lastWeek: '*Últimos 7 dias*',
      checks:
        '{count, plural, one {• # verificação, {flagged} com indícios de geração por IA} many {• # de verificações, {flagged} com indícios de geração por IA} other {• # verificações, {flagged} com indícios de geração por IA}}',
      reports:
        '{count, plural, one {• # aviso de "resultado errado"} many {• # de avisos de "resultado errado"} other {• # avisos de "resultado errado"}}',
      byTrigger: '• Por origem: {list}',
      byTriggerItem: '{trigger} {count, number}',
      unavailable: '*Últimos 7 dias*: não foi possível ler a trilha de auditoria agora.',
      adminFooter:
        'Só os administradores do workspace veem esta parte. A trilha de auditoria guarda cada verificação pelo prazo definido por quem opera o bot; veja a página de privacidade.',
    },
  },
  discord: {
    nothingToCheck:
      'Me dê algo para verificar: anexe um arquivo com a opção `{media}` ou cole um link em `{url}`.',
    noMediaInMessage: 'Essa mensagem não tem nenhuma imagem ou vídeo anexado.',
    unreadableCommand: 'Não consegui ler esse comando (o Discord enviou algo inesperado). Tente de novo.',
    onlyMessagesFromHere: 'Só consigo verificar um link de mensagem deste canal.',
    cannotReadMessage: 'Não consegui ler essa mensagem agora. Tente de novo ou use "{menu}" nela.',
    help: {
      intro: 'O **BitMind** procura sinais de geração por IA em imagens e vídeos.',
      check:
        '• `/{command} {check}` com `{media}` (um arquivo) ou `{url}` (um link); adicione `{private}: True` para ver o resultado só você.',
      message: '• Em uma mensagem: **Apps → {menu}**, ou reaja com {emoji}.',
      autoscan:
        '• `/{command} {autoscan} {enable}|{disable}|{autoscanStatus}`: verifica cada arquivo novo neste canal (Gerenciar servidor). Modos: `flagged`, `all`, `silent`.',
      roles:
        '• `/{command} {roles} {add}|{remove}|{list}`: cargos cujos membros também podem mudar a verificação automática (Gerenciar servidor).',
      modlog:
        '• `/{command} {modlog} {set}|{off}|{modlogStatus}`: um canal onde também são publicados os resultados com indícios e os avisos de resultados errados (Gerenciar servidor). Todo resultado tem os botões "{recheck}", "{feedback}" e "{delete}".',
      status: '• `/{command} {status}`: o BitMind está acessível?',
    },
    status: {
      reachable: '✅ O BitMind está acessível.',
      unreachable: '⚠️ O BitMind não está acessível agora: {reason}',
      allowed: 'Verificações permitidas: imagens {image}, vídeos {video}, lotes {batch}.',
      yes: 'sim',
      no: 'não',
      autoscanOn: 'Verificação automática aqui: ligada (modo `{mode}`).',
      autoscanOff: 'Verificação automática aqui: desligada.',
    },
    autoscan: {
      flagged:
        'respondo quando um arquivo mostra indícios de geração por IA ou não pôde ser verificado; senão, reajo com {clean}',
      all: 'respondo a cada imagem e vídeo',
      silent:
        'só reajo: {flagged} indícios de geração por IA, {clean} nenhum, {failed} não foi possível verificar',
      on: 'A verificação automática está **ligada** em <#{channel}> (modo `{mode}`): {meaning}.',
      off: 'A verificação automática está **desligada** em <#{channel}>.',
      needsModerator:
        'Só membros com a permissão Gerenciar servidor ou um cargo de moderação (`/{command} {roles} {list}`) podem ligar ou desligar a verificação automática.',
      guildOnly: 'A verificação automática só funciona em canais de servidor.',
      badMode: 'O modo precisa ser um destes: {modes}.',
    },
    roles: {
      needsManageServer:
        'Só membros com a permissão Gerenciar servidor podem escolher os cargos de moderação.',
      guildOnly: 'Cargos de moderação só funcionam em servidores.',
      noRole: 'Escolha um cargo com a opção `{role}`.',
      everyone: '@everyone não pode ser um cargo de moderação: escolha um cargo que só alguns membros têm.',
      tooMany:
        '{count, plural, one {Um servidor pode ter no máximo # cargo de moderação; remova um antes.} many {Um servidor pode ter no máximo # de cargos de moderação; remova um antes.} other {Um servidor pode ter no máximo # cargos de moderação; remova um antes.}}',
      added:
        '<@&{id}> agora é um cargo de moderação: seus membros podem ligar ou desligar a verificação automática aqui.',
      alreadyAdded: '<@&{id}> já é um cargo de moderação.',
      removed: '<@&{id}> não é mais um cargo de moderação.',
      notThere: '<@&{id}> não é um cargo de moderação.',
      none: 'Nenhum cargo de moderação: só membros com a permissão Gerenciar servidor podem mudar a verificação automática.',
      list: 'Cargos de moderação (além de Gerenciar servidor): {roles}.',
    },
    modlog: {
      needsChannel: 'Escolha o canal do registro de moderação na opção `{channel}`.',
      guildOnly: 'O registro de moderação é para servidores: não existe em mensagens diretas.',
      needsManageServer: 'Só membros com a permissão Gerenciar servidor podem mudar o registro de moderação.',
    },
    commands: {
      bitmind: { name: 'bitmind', description: 'Verifique com o BitMind sinais de IA em imagens e vídeos' },
      contextMenu: { name: 'Verificar com BitMind' },
      check: { name: 'verificar', description: 'Verificar um arquivo anexado ou um link' },
      media: { name: 'arquivo', description: 'Uma imagem ou vídeo para verificar' },
      url: { name: 'link', description: 'Um link para uma imagem ou vídeo' },
      private: { name: 'privado', description: 'Mostrar o resultado só para você (padrão: para todos aqui)' },
      help: { name: 'ajuda', description: 'Como usar o BitMind aqui' },
      status: {
        name: 'status',
        description: 'O BitMind está acessível, e o que a verificação automática faz aqui?',
      },
      autoscan: {
        name: 'autoverificacao',
        description: 'Verificação automática de arquivos novos neste canal (Gerenciar servidor)',
      },
      enable: { name: 'ligar', description: 'Verificar cada imagem e vídeo novo postado neste canal' },
      disable: { name: 'desligar', description: 'Parar de verificar arquivos novos neste canal' },
      autoscanStatus: { name: 'status', description: 'A verificação automática está ligada neste canal?' },
      mode: { name: 'modo', description: 'Quando responder' },
      modeFlagged: { name: 'flagged: responder só a indícios de IA (padrão)' },
      modeAll: { name: 'all: responder a cada arquivo' },
      modeSilent: { name: 'silent: só reações' },
      roles: {
        name: 'cargos',
        description:
          'Cargos cujos membros podem alterar a verificação automática, além de Gerenciar servidor',
      },
      rolesAdd: {
        name: 'adicionar',
        description:
          'Permitir que os membros de um cargo alterem a verificação automática (Gerenciar servidor)',
      },
      rolesRemove: {
        name: 'remover',
        description: 'Impedir que um cargo altere a verificação automática (Gerenciar servidor)',
      },
      rolesList: { name: 'lista', description: 'Os cargos de moderação daqui' },
      role: { name: 'cargo', description: 'O cargo' },
      modlog: {
        name: 'registro-mod',
        description: 'Canal para resultados com indícios e avisos de resultados errados (Gerenciar servidor)',
      },
      modlogSet: { name: 'definir', description: 'Publicar o registro de moderação em um canal' },
      modlogOff: { name: 'desativar', description: 'Parar de publicar o registro de moderação' },
      modlogStatus: { name: 'status', description: 'Onde está o registro de moderação?' },
      channel: { name: 'canal', description: 'O canal do registro de moderação' },
    },
  },
  cli: {
    header: {
      name: 'NOME',
      kind: 'TIPO',
      verdict: 'VEREDITO',
      likelihood: 'PROBABILIDADE',
      time: 'TEMPO',
      cached: 'CACHE',
    },
    image: 'imagem',
    video: 'vídeo',
    yes: 'sim',
    no: 'não',
    couldNotCheck: '⚠️ Não verificado ({code})',
    explainLikelihood: 'PROBABILIDADE é a probabilidade, estimada pelo modelo, de a mídia ser gerada por IA.',
  },
} satisfies CatalogueTree;
