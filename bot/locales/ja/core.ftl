# すべての機能で共有するテキスト。

language-en = 英語
language-es-ES = スペイン語
language-pt-BR = ポルトガル語（ブラジル）
language-ja = 日本語

core-error-cooldown = 少し待ってください。{ DISCORD_TIME($at, style: "R") }にもう一度お試しください。
core-error-server-only = このコマンドはサーバー内で使えます。ダイレクトメッセージでは使えません。
core-error-no-permission = このコマンドを使う権限がありません。
core-error-bot-permissions = 先にここで次の権限が必要です: { $permissions }
core-error-not-here = このコマンドはここでは使えません。
core-error-bad-value = `{ $value }` を理解できませんでした。
core-error-database-busy = 少しの間手が離せません（データベースを使用中です）。しばらくしてからもう一度お試しください。
core-error-outdated-command = このコマンドは更新されたばかりです。1分ほどしてからもう一度お試しください。
core-error-unexpected = こちら側で問題が発生しました（記録済みです）。後でもう一度お試しください。
core-not-moderator = この操作ができるのは、このサーバーの曲モデレーターだけです。

core-more-lines = …ほか { $count } 件

core-permission-administrator = 管理者
core-permission-manage-guild = サーバー管理
core-permission-manage-roles = ロールの管理
core-permission-manage-channels = チャンネルの管理
core-permission-manage-messages = メッセージの管理
core-permission-manage-threads = スレッドの管理
core-permission-view-channel = チャンネルを見る
core-permission-send-messages = メッセージを送信
core-permission-send-messages-in-threads = スレッドでメッセージを送信
core-permission-create-public-threads = 公開スレッドの作成
core-permission-embed-links = 埋め込みリンク
core-permission-attach-files = ファイルを添付
core-permission-read-message-history = メッセージ履歴を読む
core-permission-add-reactions = リアクションの追加
core-permission-use-external-emojis = 外部の絵文字を使用する

core-served-by-unsharded = プロセス `{ $process }` が担当しています（ゲートウェイ接続は 1 つ、シャードなし）
core-served-by-shards = プロセス `{ $process }` が担当しています（全 { $count } シャード中の{ $own_count ->
       *[other] シャード
    } { $own }）
core-served-by-other-shard = プロセス `{ $process }` が担当しています（全 { $count } シャード中の{ $own_count ->
       *[other] シャード
    } { $own }）。このサーバーはシャード { $shard } にあります
core-served-by-this-shard = プロセス `{ $process }` が担当しています（全 { $count } シャード中のシャード { $shard }、このサーバーのシャード）
core-served-by-this-shard-of-several = プロセス `{ $process }` が担当しています（全 { $count } シャード中のシャード { $shard }、このサーバーのシャード）。このプロセスはシャード { $own } を実行しています

core-alert-api-refused = ⚠️ 音楽 API がボットを拒否しました（HTTP { $status }）。クレジットが尽きたか、MUSIC_API_KEY が間違っています。解決するまで曲は失敗します（返金されます）。
core-alert-api-failing = ⚠️ 音楽 API の失敗が続いています: 一時的な失敗が { $count } 回連続（混雑、接続不可、またはタイムアウト）。曲は再試行されるか返金されます。
core-alert-global-cap = ℹ️ 全体の 1 日の上限（GLOBAL_DAILY_CAP）に達しました。空きが出るまでメンバーのリクエストは断られます。
core-alert-loop-restarts = ⚠️ バックグラウンドループ `{ $loop }` が再起動を繰り返しています（10 分間に { $count } 回）。ログを確認してください。
