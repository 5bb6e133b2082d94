# jams: コマンド（名前・説明・オプション）。キー: bot/core/i18n/commands.py

cmd-jam = ジャム
    .description = 曲のジャム: テーマ、締め切り、曲、投票
cmd-jam-start = 開始
    .description = ジャムを始めます。メンバーは締め切りまでテーマに沿って曲を作り、投票します（モデレーター）。
cmd-jam-start--theme = テーマ
    .description = 曲のテーマ
cmd-jam-start--duration = 期間
    .description = 応募と投票を受け付ける期間。例: 90m、2d、1h30m
cmd-jam-start--entries_per_member = 一人あたりの応募数
    .description = 各メンバーが応募できる曲の数（省略時 1）
cmd-jam-start--channel = チャンネル
    .description = ジャムを開くチャンネル（省略時: ここ）
cmd-jam-start--sponsored = スポンサー
    .description = 応募しても一日の曲数を消費しません（省略時: 消費します）
cmd-jam-start--anonymous = 匿名
    .description = 締め切りまで得票数を隠します（省略時: 公開）
cmd-jam-start--winner_role = 優勝者ロール
    .description = 優勝者に付与するロール
cmd-jam-status = 状況
    .description = ジャムのテーマ、締め切り、ルール、あなたの応募と投票を表示します。
cmd-jam-status--jam = ジャム
    .description = どのジャムか（省略時: このチャンネルのジャム）
cmd-jam-leaderboard = 順位表
    .description = 順位: 開催中はリアルタイム、終了後は最終結果。
cmd-jam-leaderboard--jam = ジャム
    .description = どのジャムか（省略時: このチャンネルのジャム）
cmd-jam-end = 終了
    .description = ジャムを今すぐ終了して結果を投稿します（モデレーター）。
cmd-jam-end--jam = ジャム
    .description = どのジャムか（省略時: このチャンネルのジャム）
cmd-jam-cancel = 中止
    .description = 結果を出さずにジャムを中止します（モデレーター）。
cmd-jam-cancel--jam = ジャム
    .description = どのジャムか（省略時: このチャンネルのジャム）
cmd-jam-history = 履歴
    .description = このサーバーの過去のジャムと優勝者。
cmd-jam-settings = 設定
    .description = このサーバーでのジャムの運営方法（モデレーター）。
cmd-jam-settings--threads = スレッド
    .description = 新しいジャムごとにスレッドを作ります
cmd-jam-settings--private_standings = 順位非公開
    .description = 開催中は /ジャム 順位表 を尋ねたメンバーにだけ表示します

# ジャムのメッセージ: bot/jams/text.py、service.py（お断り）、ui/（返信、ボタン）、picture.py。

jams-left-days = { $days }日{ $hours }時間
jams-left-hours = { $hours }時間{ $minutes }分
jams-left-minutes = { $minutes }分
jams-choice-open = あと{ $left }で締め切り
jams-choice-cancelled = 中止
jams-choice-ended = 終了

# $ordinal: $rank の CLDR 序数カテゴリ（日本語は常に other）。
jams-rank = { $ordinal ->
       *[other] { $rank }位
    }
jams-rank-tied = { $place }（同率）
jams-votes = { $votes }票
jams-entries = { $entries }件の応募

jams-entries-rule = 一人{ $allowed }曲まで応募できます。{ $sponsored ->
        [yes] このジャムはスポンサー付きなので、応募は無料です。
       *[no] 応募は一日の曲数に数えられます。
    }
jams-rule-make = • { $thread ->
        [yes] このチャンネルかジャムのスレッドで
       *[no] このチャンネルで
    } `/{ cmd-song } { cmd-song-create }` を使ってテーマに沿った曲を作りましょう（`{ cmd-song-create--jam }` オプションを使えばどこからでも）。ジャム開催中にここに投稿された自分の曲の下にある **{ jams-button-submit }** を押しても応募できます。
jams-rule-entries = • { $rule }
jams-rule-vote = • 応募曲の下の **{ jams-button-vote }** ボタンで投票します。投票は一人一票、締め切りまで変更でき、自分の曲には投票できません。
jams-rule-standings = • { $anonymous ->
        [yes] 締め切りまで票数は非公開です。
       *[no] 順位はいつでも `/{ cmd-jam } { cmd-jam-leaderboard }` で見られます。
    }締め切り前に完成した曲だけが票を得られます。
jams-rule-winners = • 優勝者は締め切り時にここで発表されます。
jams-rule-winners-role = • 優勝者は締め切り時にここで発表され、<@&{ $role }> ロールが付与されます。
jams-announcement-title = 🎤 **ソングジャム: { $theme }**
jams-announcement-host = 主催 <@{ $host }> · 締め切り { DISCORD_TIME($ends, style: "R") }（{ DISCORD_TIME($ends, style: "f") }）
jams-thread-name = ジャム: { $theme }

jams-state-open = 開催中、締め切り { DISCORD_TIME($at, style: "R") }
jams-state-cancelled = 中止 { DISCORD_TIME($at, style: "R") }
jams-state-ended = 終了 { DISCORD_TIME($at, style: "R") }

jams-status-title = 🎤 **{ $theme }** · { $state }
jams-status-entries = これまでに{ jams-entries } · { $rule }
jams-status-votes = { $visible ->
        [yes] 票数は公開されています: `/{ cmd-jam } { cmd-jam-leaderboard }` をご覧ください。
       *[no] 票数は締め切りまで非公開です。
    }
jams-status-mine = あなたの応募: { $allowed }曲中{ $mine }曲 · まだ投票していません。
jams-status-mine-voted = あなたの応募: { $allowed }曲中{ $mine }曲 · ジョブ { $job } に投票しました。
jams-status-announcement = お知らせ: { $link }

jams-entry-unposted = ジョブ { $job }（サーバーに未投稿）
jams-entry-link = [ジョブ { $job }]({ $link })
jams-standing-entry = • <@{ $user }> · { $link }
jams-standing = { $medal } **{ $place }** · <@{ $user }> · { jams-votes } · { $link }

jams-leaderboard-cancelled = 🚫 ジャム **{ $theme }** は中止されたため、順位はありません。
jams-leaderboard-title = 📊 **順位: { $theme }** · { $state }
jams-leaderboard-empty = まだ応募はありません。
jams-leaderboard-secret = 票数は締め切りまで非公開です。これまでの応募:
jams-no-songs = 応募された曲はありませんでした。

jams-no-winner-no-songs = 応募された曲がなかったため、優勝者はいません。
jams-no-winner-no-votes = 投票がなかったため、優勝者はいません。
jams-winners = 🏆 { $count ->
        [1] 優勝
       *[other] 同率優勝
    }: { $names }！おめでとうございます 🎉
jams-results-title = 🏁 **ソングジャムの結果: { $theme }**
jams-results-summary = { jams-entries } · { jams-votes } · 締め切り { DISCORD_TIME($at, style: "f") }
jams-cancelled = 🚫 ソングジャム **{ $theme }** は中止されました。投票は締め切られ、結果はありません。
jams-cancelled-by = 🚫 ソングジャム **{ $theme }** は <@{ $by }> によって中止されました。投票は締め切られ、結果はありません。
jams-thread-cancelled = 🚫 このジャムは中止されました。
jams-thread-over = 🏁 このジャムは終了しました。
jams-thread-over-results = 🏁 このジャムは終了しました: 結果 { $link }

jams-history-empty = このサーバーで終了したジャムはまだありません。
jams-history-title = 📜 **過去のジャム**
jams-history-cancelled = • **{ $theme }** · 中止 { DISCORD_TIME($at, style: "D") }
jams-history-ended = • **{ $theme }** · 終了 { DISCORD_TIME($at, style: "D") } · { jams-entries } · 🏆 { $winners }
jams-history-no-winner = 優勝者なし

jams-vote-on = 🗳️ <@{ $user }> さんの応募（ジョブ { $job }）に投票しました。
jams-vote-moved = ジョブ { $previous } から票を移しました。
jams-vote-count = 現在 { jams-votes } です。
jams-vote-until = { DISCORD_TIME($at, style: "R") } まで変更できます。
jams-entered = 🎤 あなたの曲をジャム **{ $theme }** に応募しました。投票の締め切りは { DISCORD_TIME($at, style: "R") } です。
jams-entry-note = ジャム **{ $theme }** への応募です。{ $sponsored ->
        [yes] ジャムがスポンサー付きなので無料です。
       *[no] {""}
    }

jams-button-vote = 投票
jams-button-submit = ジャムに応募
jams-button-closed = 投票終了 · { jams-votes }
jams-button-cancelled = ジャム中止

jams-started = ジャム #{ $jam } を { $channel } で開始しました。締め切りは { DISCORD_TIME($at, style: "R") } です。
jams-not-a-text-channel = ジャムはテキストチャンネルで開催します。`{ cmd-jam-start--channel }:` で選んでください。
jams-cannot-post = { $channel } に投稿できません。先にそこで「メッセージを送信」権限をください。
jams-role-not-givable = { $role } はメンバーに付与できません。別の優勝者ロールを選んでください。
jams-role-above-host = { $role } を賞品にするには、あなた自身に「ロールの管理」権限があり、そのロールがあなたの最上位ロールより下である必要があります。
jams-announcement-failed = { $channel } にお知らせを投稿できなかったため、ジャムは始まりませんでした。もう一度お試しください。
jams-role-not-yet = ⚠️ まだ { $role } を付与できません。締め切りまでに「ロールの管理」権限と、そのロールより上のロールが必要です。
jams-no-thread = スレッドを作れませんでした。そこで「公開スレッドの作成」権限が必要です。
jams-closed-cancelled = <#{ $channel }> のジャム #{ $jam } を中止しました。
jams-closed-ended = <#{ $channel }> のジャム #{ $jam } を終了しました。結果を投稿しています。
jams-settings-saved = 新しいジャムのスレッド: **{ $threads ->
        [yes] オン
       *[no] オフ
    }** · 開催中の順位表示: **{ $private ->
        [yes] 非公開
       *[no] 公開
    }**。

jams-role-gone = ⚠️ 優勝者ロールがもう存在しないため、誰にも付与されませんでした。
jams-role-forbidden = ⚠️ <@{ $user }> さんに { $role } ロールを付与できませんでした。「ロールの管理」権限と、そのロールより上のロールが必要です。
jams-role-left = <@{ $user }> さんはサーバーを抜けたため、{ $role } ロールは付与されませんでした。
jams-role-given = 🎖️ { $names } { $count ->
        [1] さん
       *[other] の皆さん
    }に { $role } ロールが付与されました。
jams-role-audit-reason = ソングジャム #{ $jam } で優勝

jams-picture-heading = ソングジャムの結果
jams-picture-untitled-jam = ソングジャム
jams-picture-member = メンバー
jams-picture-untitled-song = 無題の曲
jams-picture-description = ソングジャム { $theme } の結果
jams-former-member = 元メンバー

jams-duration-help = 数字と単位（w、d、h、m）で指定してください。例: `90m`、`2d`、`1h30m`
jams-refused-duration-missing = ジャムの期間を指定してください。{ jams-duration-help }。
jams-refused-duration-unreadable = `{ $text }` は期間として読み取れません。{ jams-duration-help }。
jams-refused-duration-unit-twice = `{ $text }` では同じ単位が二回使われています。{ jams-duration-help }。
jams-refused-duration-short = ジャムには少なくとも { $minutes } 分が必要です。
jams-refused-duration-long = ジャムの期間は最長 { $days } 日です。
jams-refused-theme-missing = ジャムのテーマを指定してください。
jams-refused-theme-long = テーマは { $max } 文字以内にしてください。
jams-refused-entries-range = 一人あたりの応募数は 1 から { $max } の間で指定してください。
jams-refused-entry-limit = このジャムの応募は一人{ $allowed }曲までで、あなたはすでに{ $entries }曲応募しています。
jams-refused-jam-gone = そのジャムはもう存在しません。
jams-refused-voting-closed = このジャムの投票は締め切られました。
jams-refused-not-an-entry = その曲はこのジャムの応募曲ではありません。
jams-refused-own-entry = 自分の応募曲には投票できません。
jams-refused-same-entry = すでにこの応募曲に投票しています。票を移すには別の曲の{ jams-button-vote }を押してください。
jams-refused-not-your-song = この曲を作ったメンバーだけが応募できます。
jams-refused-already-entry = この曲はすでにジャムに応募されています。
jams-refused-not-finished = 応募できるのは完成した曲だけです。
jams-refused-no-jam-any-more = このチャンネルで開催中のジャムはもうありません。
jams-refused-too-early = 応募できるのは、ジャムの開催中に投稿された曲だけです。
jams-refused-just-ended = そこでの前回のジャムはちょうど終了し、結果を準備中です。1 分後にもう一度お試しください。
jams-refused-already-open = そこではすでにジャムが開催中です。先に終了か中止をしてください（`/{ cmd-jam } { cmd-jam-end }`、`/{ cmd-jam } { cmd-jam-cancel }`）。
jams-refused-already-ended = そのジャムはすでに終了しています。
jams-refused-not-found = このサーバーでそのジャムが見つかりません。
jams-refused-no-jam-here = このチャンネルで開催中のジャムはありません。`{ cmd-jam-status--jam }` オプションで選んでください。
