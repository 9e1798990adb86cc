import type { CatalogueTree } from '../i18n.js';

/** 日本語。用語: 「AI生成」「兆候」「推定確率」。です・ます調。 */
export default {
  /** The buttons under every result. */
  buttons: {
    recheck: '再チェック',
    feedback: '結果が違う？',
    delete: '削除',
  },
  verdict: {
    strong: 'AI生成の強い兆候があります',
    some: 'AI生成の兆候がいくらかあります',
    little: 'AI生成の兆候はほとんどありません',
    likelihood: 'AI生成の推定確率 {percent}',
    below: '{percent}未満',
    above: '{percent}超',
    milliseconds: '{value} ms',
    seconds: '{value} 秒',
    cached: 'キャッシュ',
    couldNotCheck: 'チェックできませんでした',
    caveat: 'AI検出は確率的なものです。証拠ではなく、判断材料の一つとして扱ってください。',
    simulated: 'シミュレーション: BitMindの認証情報が設定されていないため、実際の検出ではありません。',
    simulatedLine: '[シミュレーション] {line}',
    placeholder: '{count, plural, other {#件のファイルをチェック中…}}',
  },
  source: {
    asVideo: 'アニメーション{type}を動画として',
    converted: '{type}から変換',
    firstFrame: 'アニメーション{type}の最初のフレーム',
    foundImage: 'リンク先のページ {page} で見つかった画像',
    foundVideo: 'リンク先のページ {page} で見つかった動画',
    foundMedium: 'リンク先のページ {page} で見つかったメディア',
  },
  summary: {
    one: 'BitMind: {headline}（{likelihood}）',
    oneFailed: 'BitMindは{name}をチェックできませんでした: {detail}',
    many: '{count, plural, other {BitMindが#件のファイルをチェック: AI生成の兆候あり {flagged}件}}',
    manyNone: '{count, plural, other {BitMindが#件のファイルをチェック: AI生成の兆候があるものはありません}}',
    withFailed: '{count, plural, other {{line}、チェック不可 #件}}',
    withSkipped: '{count, plural, other {{line}（ほか#件は省略: 1回のリクエストには多すぎます）}}',
  },
  error: {
    unsupported_type: 'このファイルは、BitMindがチェックできる画像や動画ではありません。',
    too_large: 'このファイルはサイズの上限を超えています。',
    download_failed: 'ファイルをダウンロードできませんでした。',
    blocked_url: 'そのアドレスは許可されていません。',
    unauthorized: 'BitMindがボットの認証情報を受け付けませんでした。',
    forbidden: 'このBitMindアカウントでは、この種類のファイルはチェックできません。',
    rate_limited: '現在チェックが多すぎます。しばらくしてからもう一度お試しください。',
    budget:
      '{count, plural, other {この1時間のチェック上限（#回）に達しました}}。{time} UTC から再びチェックできます（あと {minutes}）。',
    bad_request: 'BitMindがこのファイルを読み取れませんでした。',
    unavailable: '現在BitMindを利用できません。1分ほどしてからもう一度お試しください。',
    timeout: 'チェックに時間がかかりすぎました。しばらくしてからもう一度お試しください。',
    busy: 'ボットが混み合っています。少ししてからもう一度お試しください。',
  },
  failure: {
    restarting: 'BitMindは再起動中です。1分ほどしてからもう一度お試しください。',
    stateUnavailable:
      '現在新しいチェックを受け付けられません（共有ステートに接続できません）。1分ほどしてからもう一度お試しください。',
    generic: 'このファイルのチェック中に問題が発生しました。1分ほどしてからもう一度お試しください。',
    gaveUp:
      '何度も試しましたが、BitMindはこのチェックを完了できませんでした。しばらくしてからもう一度お試しください。',
    command: '問題が発生しました。1分ほどしてからもう一度お試しください。',
    finish: 'BitMindはこのチェックを完了できませんでした: {message}',
    title: '⚠️ BitMindはこれをチェックできませんでした',
    sorry: '申し訳ありません: {message}',
  },
  reply: {
    couldNotCheck: 'チェックできませんでした: {detail}',
    requestedBy: '依頼者: <@{user}>',
    askedBy: '依頼者: {who}',
    askedWith: '依頼者: {who}（{emoji}）',
    autoscanOf: '{who} さんのメッセージの自動スキャン',
    repeat: 'この1時間以内にチェック済みです。前回と同じ回答です。',
    more: '{count, plural, other {…ほか#件: AI生成の兆候あり {flagged}件。}}',
    moreFailed: '{count, plural, other {…ほか#件: AI生成の兆候あり {flagged}件、チェック不可 {failed}件。}}',
    skipped: '{count, plural, other {ほか#件はチェックしていません: 1回のリクエストには多すぎます。}}',
    hidden:
      '{count, plural, other {…ほか#件は表示していません: Discordの1メッセージに収まる量には上限があります。}}',
  },
  /** The moderation tools on both platforms: answers to a result's buttons, the mod log and its command. */
  moderation: {
    press: {
      expired:
        'この結果は古すぎてボタンが使えないか（ボタンは7日間有効です）、削除されています。もう一度チェックを依頼してください。',
      forged: 'このボタンはここにある私の結果のものではないため、何もしませんでした。',
      feedbackThanks:
        'ありがとうございます。この結果が違うというご報告を記録し、モデレーターに知らせました。',
      feedbackAgain: 'この結果はすでに報告済みです。ありがとうございます。',
      deleteRefused: 'このチェックを削除できるのは、依頼した本人かモデレーターだけです。',
      unreadable:
        'ボタン操作を読み取れない形式で受け取ったため、何もしませんでした。もう一度お試しください。',
      recheckFailed: '再チェックできなかったため、結果はそのままです：{reason}',
    },
    log: {
      resultTitle: 'AI生成の兆候',
      feedbackTitle: '結果が違うと報告されました',
      verdict: '判定',
      verdictLine: '{summary}（{band}）',
      postedBy: '投稿者',
      askedBy: '依頼者',
      autoscan: '自動スキャン',
      reportedBy: '報告者',
      trigger: 'トリガー',
      original: '元のメッセージ',
      noLink: 'リンクできるメッセージはありません',
      unpostable:
        '<#{channel}> にモデレーションログを投稿できません。私をそのチャンネルに招待（またはメッセージ送信の権限を付与）してから、もう一度設定してください。それまでモデレーションログは一時停止します。',
    },
    band: {
      strong: 'AI生成の強い兆候',
      some: 'AI生成のいくらかの兆候',
      little: 'AI生成の兆候はほとんどなし',
      none: 'チェックできたものはありません',
    },
    trigger: {
      command: 'コマンド',
      shortcut: 'ショートカット',
      autoscan: '自動スキャン',
      reaction: 'リアクション',
      recheck: '再チェック',
    },
    modlog: {
      set: 'モデレーションログを <#{channel}> に設定しました。AI生成の兆候がある結果と「結果が違う」報告がそこに投稿されます。',
      off: 'モデレーションログはオフです。',
      status: 'モデレーションログは <#{channel}> です。',
    },
  },
  slack: {
    noMediaInMessage: 'そのメッセージには、チェックできる画像や動画がありません。',
    cannotReadShortcut:
      'Slackから届いたメッセージを読み取れなかったため、チェックできませんでした。もう一度お試しください。',
    cannotReadCommand:
      'Slackから届いたコマンドを読み取れなかったため、応答できませんでした。もう一度お試しください。',
    noRecentMedia:
      '直近20件のメッセージに画像や動画が見つかりませんでした。`{command} check <リンク>` を試すか、メッセージで「{shortcut}」を使ってください。',
    cannotReadChannel:
      'この会話を読み取れません。`/invite @BitMind` で招待してから、もう一度お試しください。',
    notALink:
      'リンクではないようです。`{command} check https://example.com/photo.jpg` のようにお試しください。',
    onlyFilesSharedHere: 'ここでチェックできるのは、このチャンネルで共有されたファイルだけです。',
    onlyMessagesFromHere: 'チェックできるのは、このチャンネルのメッセージへのリンクだけです。',
    autoscanRefused:
      '申し訳ありません。自動スキャンを変更できるのは、ワークスペースの管理者とオーナー（またはこのボットの運用者が指定した人）だけです。そのいずれかの人にこのコマンドを実行してもらってください。',
    unknownVerb: '`{verb}` というコマンドはありません。',
    help: {
      intro: '*BitMind* は、画像や動画がAI生成である可能性を推定します。',
      checkLink:
        '• `{command} check <リンク>`: リンク先の画像や動画、またはこのチャンネルのSlackファイルやメッセージリンクをチェック',
      checkLatest: '• `{command} check`: この会話の最新の画像や動画をチェック',
      react: '• メッセージに :{emoji}: でリアクションするか、メニューから「{shortcut}」を使う',
      status: '• `{command} status`: BitMindの状態と、このワークスペースの最近のチェック',
      autoscan:
        '• `{command} autoscan on|off|status`: このチャンネルで共有されるすべての画像と動画をチェック（管理者）',
      mode: '• `{command} autoscan mode flagged|all|silent`: AI生成の兆候があるときだけ返信／すべてに返信／リアクションのみ（管理者）',
      modlog:
        '• `{command} modlog #チャンネル|off`：AI生成の兆候がある結果と「結果が違う」報告を併せて投稿するチャンネル（管理者）',
    },
    status: {
      title: '*BitMindの状態*',
      health: '• BitMind: {status}',
      healthRegion: '• BitMind: {status}（{region}）',
      answering: '応答あり',
      unreachable: '• BitMind: :warning: 接続できません（{problem}）',
      allowed: '• 許可: 画像 {image}  動画 {video}  バッチ {batch}',
      allowedUnknown: '• 許可: 不明（{problem}）',
      autoscanOn: '• このチャンネルの自動スキャン: オン（{mode}）',
      autoscanOff: '• このチャンネルの自動スキャン: オフ',
      reaction: '• チェックを依頼するリアクション: :{emoji}:',
      recent: '• このワークスペースの最近のチェック:',
      noRecent: '• このワークスペースでは最近のチェックはありません。',
      files: '{count, plural, other {#件のファイル}}',
      withEvidence: '兆候あり {count, number}件',
      notChecked: '{count, plural, other {チェック不可 #件}}',
    },
    autoscan: {
      flagged: 'AI生成の兆候があるファイルにだけ返信し、それ以外には :white_check_mark: を付けます',
      all: 'すべての画像と動画に返信します',
      silent: 'リアクションのみ: AI生成の兆候があれば :warning:、なければ :white_check_mark:',
      on: 'このチャンネルの自動スキャンは *オン* です（モード `{mode}`: {meaning}）。',
      off: 'このチャンネルの自動スキャンは *オフ* です。管理者が `{command} autoscan on` でオンにできます。',
      usage: '`{command} autoscan on`、`off`、`status`、`mode {modes}` のいずれかをお試しください。',
      changed: '<@{user}> さんが自動スキャンを変更しました。{state}',
      changedInvite:
        '<@{user}> さんが自動スキャンを変更しました。{state} 新しいファイルを見るには、このチャンネルのメンバーである必要があります: `/invite @BitMind`',
    },
    modlogUsage:
      '`{command} modlog #チャンネル`（チャンネルはSlackの一覧から選んでください）、`{command} modlog off`、`{command} modlog status` のいずれかをお試しください。',
    /** The pages of "Add to Slack" in the browser's language (adapters/slack/install/pages.ts). Plain text: the page escapes it. */
    install: {
      installedTitle: 'BitMindをインストールしました',
      installedIn: 'BitMindが{where}に追加されました。',
      installedInWorkspace: 'BitMindがワークスペースに追加されました。',
      installedInOrganisation: 'BitMindがオーガナイゼーションに追加されました。',
      nextSteps:
        '/invite @BitMind でチャンネルに招待し、そのチャンネルで {command} help と入力すると、できることを確認できます。このページは閉じてかまいません。',
      failedTitle: 'BitMindはインストールされませんでした',
      badState:
        'このインストールリンクは、期限が切れているか、すでに使われているか、別のブラウザで開かれています。インストールリンクからもう一度やり直してください。',
      denied:
        'Slackでインストールがキャンセルされたため、何もインストールされていません。インストールリンクからもう一度やり直してください。',
      slackError:
        'Slackがインストールを完了しませんでした（{code}）。少し待ってから、インストールリンクからもう一度お試しください。',
      unknown: 'インストールの完了中に問題が発生しました。インストールリンクからもう一度お試しください。',
      startAgain: 'もう一度やり直す',
    },
    home: {
      adminTitle: '管理者向けBitMind',
      whatItDoes: 'BitMindは、画像や動画がAI生成である可能性を推定します。',
      howTo: '*チェックのしかた*',
      react: '• 画像や動画のあるメッセージに :{emoji}: でリアクションする',
      shortcut: '• または、メッセージのメニューから「{shortcut}」を選ぶ',
      check:
        '• または、チャンネルで `{command} check <リンク>` と入力する（`{command} check` だけなら、そのチャンネルの最新の画像や動画をチェック）',
      help: '• `{command} help` ですべてのコマンドを表示',
      autoscanNote:
        '一部のチャンネルでは、管理者が自動スキャンをオンにしています。そこで共有された画像と動画はすべてチェックされます。',
      autoscanHeading: '*自動スキャン*',
      noAutoscan:
        '自動スキャンがオンのチャンネルはありません。チャンネルで `{command} autoscan on` と入力するとオンになります。',
      mode: {
        flagged: 'AI生成の兆候には返信し、それ以外はマークのみ',
        all: 'すべての画像と動画に返信',
        silent: 'リアクションでマークするのみ',
      },
      autoscanLine: '• <#{channel}>：{mode}（{meaning}）',
      moreChannels: '{count, plural, other {…ほか#チャンネル。}}',
      modlogNone:
        '*モデレーションログ*：なし。AI生成の兆候がある結果と「結果が違う」報告を、好きなチャンネルに投稿できます。',
      modlogSet:
        '*モデレーションログ*：<#{channel}> に、AI生成の兆候がある結果と「結果が違う」報告が届きます。',
      lastWeek: '*過去7日間*',
      checks: '{count, plural, other {• チェック#件（うちAI生成の兆候あり{flagged}件）}}',
      reports: '{count, plural, other {• 「結果が違う」報告#件}}',
      byTrigger: '• トリガー別：{list}',
      byTriggerItem: '{trigger} {count, number}',
      unavailable: '*過去7日間*：今は監査ログを読み取れませんでした。',
      adminFooter:
        'この部分はワークスペースの管理者にだけ表示されます。監査ログには、運用者が設定した保存期間のあいだ各チェックが残ります。詳しくはプライバシーのページをご覧ください。',
    },
  },
  discord: {
    nothingToCheck:
      'チェックするものを指定してください: `{media}` オプションでファイルを添付するか、`{url}` にリンクを貼り付けてください。',
    noMediaInMessage: 'そのメッセージには画像や動画が添付されていません。',
    unreadableCommand:
      'そのコマンドを読み取れませんでした（Discordから想定外の内容が届きました）。もう一度お試しください。',
    onlyMessagesFromHere: 'チェックできるのは、このチャンネルのメッセージへのリンクだけです。',
    cannotReadMessage:
      '今はそのメッセージを読み取れませんでした。もう一度試すか、そのメッセージで「{menu}」を使ってください。',
    help: {
      intro: '**BitMind** は画像や動画にAI生成の兆候がないかを調べます。',
      check:
        '• `/{command} {check}` に `{media}`（ファイル）または `{url}`（リンク）を指定。`{private}: True` を付けると結果は自分だけに表示されます。',
      message: '• メッセージで: **アプリ → {menu}**、または {emoji} でリアクション。',
      autoscan:
        '• `/{command} {autoscan} {enable}|{disable}|{autoscanStatus}`: このチャンネルの新しいファイルをすべてチェック（サーバー管理）。モード: `flagged`、`all`、`silent`。',
      roles:
        '• `/{command} {roles} {add}|{remove}|{list}`：自動スキャンの変更も許可するロール（サーバー管理）',
      modlog:
        '• `/{command} {modlog} {set}|{off}|{modlogStatus}`：兆候のある結果と「結果が違う」報告を併せて投稿するチャンネル（サーバー管理）。各結果には「{recheck}」「{feedback}」「{delete}」のボタンが付きます。',
      status: '• `/{command} {status}`: BitMindに接続できるか',
    },
    status: {
      reachable: '✅ BitMindに接続できます。',
      unreachable: '⚠️ 現在BitMindに接続できません: {reason}',
      allowed: '許可されたチェック: 画像 {image}、動画 {video}、バッチ {batch}。',
      yes: 'はい',
      no: 'いいえ',
      autoscanOn: 'このチャンネルの自動スキャン: オン（モード `{mode}`）。',
      autoscanOff: 'このチャンネルの自動スキャン: オフ。',
    },
    autoscan: {
      flagged:
        'AI生成の兆候があるファイルやチェックできなかったファイルに返信し、それ以外には {clean} でリアクションします',
      all: 'すべての画像と動画に返信します',
      silent: 'リアクションのみ: {flagged} AI生成の兆候あり、{clean} 兆候なし、{failed} チェック不可',
      on: '<#{channel}> の自動スキャンは **オン** です（モード `{mode}`）: {meaning}。',
      off: '<#{channel}> の自動スキャンは **オフ** です。',
      needsModerator:
        '自動スキャンのオン／オフは、「サーバー管理」権限またはモデレーターロール（`/{command} {roles} {list}`）を持つメンバーだけが切り替えられます。',
      guildOnly: '自動スキャンはサーバーのチャンネルでのみ使えます。',
      badMode: 'モードは次のいずれかにしてください: {modes}。',
    },
    roles: {
      needsManageServer: 'モデレーターロールを選べるのは、「サーバー管理」権限を持つメンバーだけです。',
      guildOnly: 'モデレーターロールはサーバーでのみ使えます。',
      noRole: '`{role}` オプションでロールを選んでください。',
      everyone:
        '@everyone はモデレーターロールにできません。一部のメンバーだけが持つロールを選んでください。',
      tooMany:
        '{count, plural, other {1つのサーバーに設定できるモデレーターロールは最大#個です。先に1つ削除してください。}}',
      added:
        '<@&{id}> をモデレーターロールにしました。このロールのメンバーは、ここで自動スキャンのオン／オフを切り替えられます。',
      alreadyAdded: '<@&{id}> はすでにモデレーターロールです。',
      removed: '<@&{id}> はモデレーターロールではなくなりました。',
      notThere: '<@&{id}> はモデレーターロールではありません。',
      none: 'モデレーターロールはありません。自動スキャンを変更できるのは、「サーバー管理」権限を持つメンバーだけです。',
      list: 'モデレーターロール（「サーバー管理」権限のほか）：{roles}',
    },
    modlog: {
      needsChannel: '`{channel}` オプションでモデレーションログのチャンネルを選んでください。',
      guildOnly: 'モデレーションログはサーバー用です。ダイレクトメッセージにはありません。',
      needsManageServer: 'モデレーションログを変更できるのは、「サーバー管理」権限を持つメンバーだけです。',
    },
    commands: {
      bitmind: { name: 'bitmind', description: 'BitMindで画像や動画にAI生成の兆候がないかチェック' },
      contextMenu: { name: 'BitMindでチェック' },
      check: { name: 'チェック', description: '添付ファイルまたはリンクをチェック' },
      media: { name: 'ファイル', description: 'チェックする画像または動画' },
      url: { name: 'リンク', description: '画像または動画へのリンク' },
      private: { name: '非公開', description: '結果を自分だけに表示（既定: ここにいる全員）' },
      help: { name: 'ヘルプ', description: 'ここでのBitMindの使い方' },
      status: {
        name: 'ステータス',
        description: 'BitMindに接続できるか、ここで自動スキャンが何をしているか',
      },
      autoscan: {
        name: '自動スキャン',
        description: 'このチャンネルの新しいファイルを自動でチェック（サーバー管理）',
      },
      enable: { name: 'オン', description: 'このチャンネルに投稿される新しい画像と動画をすべてチェック' },
      disable: { name: 'オフ', description: 'このチャンネルの新しいファイルのチェックをやめる' },
      autoscanStatus: { name: 'ステータス', description: 'このチャンネルで自動スキャンはオンか' },
      mode: { name: 'モード', description: 'いつ返信するか' },
      modeFlagged: { name: 'flagged: AI生成の兆候があるときだけ返信（既定）' },
      modeAll: { name: 'all: すべてのファイルに返信' },
      modeSilent: { name: 'silent: リアクションのみ' },
      roles: { name: 'ロール', description: 'サーバー管理のほかに自動スキャンを変更できるロール' },
      rolesAdd: {
        name: '追加',
        description: 'ロールのメンバーが自動スキャンを変更できるようにする（サーバー管理）',
      },
      rolesRemove: {
        name: '削除',
        description: 'ロールによる自動スキャンの変更をやめさせる（サーバー管理）',
      },
      rolesList: { name: '一覧', description: 'ここのモデレーターロール' },
      role: { name: 'ロール', description: 'ロール' },
      modlog: {
        name: 'モデログ',
        description: '兆候のある結果と「結果が違う」報告を投稿するチャンネル（サーバー管理）',
      },
      modlogSet: { name: '設定', description: 'モデレーションログをチャンネルに投稿する' },
      modlogOff: { name: 'オフ', description: 'モデレーションログの投稿をやめる' },
      modlogStatus: { name: 'ステータス', description: 'モデレーションログはどこ？' },
      channel: { name: 'チャンネル', description: 'モデレーションログのチャンネル' },
    },
  },
  cli: {
    header: {
      name: '名前',
      kind: '種類',
      verdict: '判定',
      likelihood: '推定確率',
      time: '時間',
      cached: 'キャッシュ',
    },
    image: '画像',
    video: '動画',
    yes: 'はい',
    no: 'いいえ',
    couldNotCheck: '⚠️ チェック不可（{code}）',
    explainLikelihood: '推定確率は、そのメディアがAI生成である確率をモデルが推定したものです。',
  },
} satisfies CatalogueTree;
