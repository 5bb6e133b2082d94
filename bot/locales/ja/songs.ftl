# songs: コマンド（名前・説明・オプション）。キー: bot/core/i18n/commands.py

cmd-song = 曲
    .description = 参照曲と歌詞から曲を作ります
cmd-song-status = 状況
    .description = あなたの曲の進み具合を表示します。
cmd-song-status--job = ジョブ
    .description = あなたのジョブ（省略時: 最新のもの）
cmd-song-list = 一覧
    .description = このサーバーでのあなたの曲を新しい順にリンク付きで表示します。
cmd-song-gallery = ギャラリー
    .description = このサーバーの最近の曲とジャムの投票で上位の曲（リンク付き）。
cmd-song-cancel = キャンセル
    .description = 投稿される前の曲をキャンセルします。
cmd-song-cancel--job = ジョブ
    .description = まだ終わっていないあなたのジョブ
cmd-song-create = 作成
    .description = 参照曲と歌詞から曲を作ります
cmd-song-create--reference = 参照曲
    .description = 参照曲（.mp3 または .wav、15 秒より長いもの）。省略するとフォームを使います
cmd-song-create--lyrics = 歌詞
    .description = 歌詞。「 / 」で改行、「 // 」で間を空けます。省略するとフォームを使います
cmd-song-create--style = スタイル
    .description = 曲のスタイル（例: 「夢見るようなローファイ、柔らかいボーカル」）
cmd-song-create--jam = ジャム
    .description = この曲をジャムに応募します（省略時: このチャンネルで開催中のジャム）
cmd-song-create--title = タイトル
    .description = 曲のタイトル（80文字まで。省略時は歌詞の最初の行）
cmd-make-a-song-from-this = これで曲を作る

# 曲の出力（bot/songs/card.py、text.py、engine.py、picture.py、ui/presenter.py、views.py）:
# 公開カードと曲の投稿はサーバーの言語、/曲 状況・一覧・ギャラリーとメンバーへのお知らせは読む人の言語。
# $job: ジョブ番号（テキスト）。

# カード。$user: メンバー（誰にも通知しないメンション）。
songs-card-label-queued = 順番待ち
songs-card-label-making = 制作中
songs-card-label-done = 完成
songs-card-label-failed = 失敗
songs-card-label-expired = 期限切れ
songs-card-label-cancelled = キャンセル済み
songs-card-state-queued = 順番待ち
songs-card-state-making = 制作中
songs-card-state-done = 完成
songs-card-state-failed = 失敗
songs-card-state-expired = 期限切れ
songs-card-state-cancelled = キャンセル済み
songs-card-heading = { $icon } **{ $state }** · <@{ $user }> さんの曲
songs-card-ahead = このサーバーであなたの曲の前に { $count } 曲あります
songs-card-progress = 開始 { DISCORD_TIME($started, style: "R") } · 全体で約 { $total } · 完成予定 { DISCORD_TIME($ready, style: "R") }
songs-card-seconds = { $seconds } 秒
songs-card-minutes = { $minutes } 分
songs-card-minutes-seconds = { $minutes } 分 { $seconds } 秒
songs-card-cancelled = リクエストしたメンバーがキャンセルしました。
songs-card-took = 所要時間 { $duration }。
songs-card-reference = 参照曲
songs-card-length = 長さ
songs-card-footer = ジョブ { $job } · { $state }
songs-card-untitled = 曲 { $job }
songs-card-a-member = メンバー
songs-card-song-for = <@{ $user }> さんの曲
songs-card-cancel-button = キャンセル
songs-card-cancel-not-yours = この曲をキャンセルできるのは、リクエストしたメンバーだけです。
songs-card-post = <@{ $user }> ジョブ { $job } の曲ができました！🎶
songs-card-post-link = <@{ $user }> ジョブ { $job } の曲ができましたが、大きすぎてここにアップロードできません。こちらからダウンロードしてください（リンクは1日以内に切れます）: { $url }
songs-card-picture-new = 新しい曲
songs-card-picture-by = 作:
songs-card-picture-untitled = 無題の曲
songs-card-picture-member = songjam のメンバー

# 曲が投稿されずに終わった理由: ジョブと一緒に保存され、カードとメンバーに表示されます。
songs-failure-busy = 音楽サービスが混み合っているため、料金はかかっていません。数分後にもう一度お試しください。
songs-failure-unavailable = 現在、曲を作れない状態のため、料金はかかっていません。ボットの運営者が対応中です。
songs-failure-unknown-outcome = 曲の送信中に音楽サービスとの接続が切れました。二重に請求されないよう再送はしていません。クレジットは戻りました。もう一度お試しください。
songs-failure-interrupted = 曲の送信中にボットが再起動しました。二重に請求されないよう再送はしていません。クレジットは戻りました。もう一度お試しください。
songs-failure-cancelled = あなたがキャンセルしました
songs-failure-expired = 音楽サービスが時間内に曲を仕上げられませんでした。クレジットは戻りました。
songs-failure-result-lost = 完成した曲を取得する前に期限が切れました。クレジットは戻りました。
songs-failure-submit-refused = 音楽サービスがこの曲を受け付けませんでした。クレジットは戻りました。
songs-failure-generation-failed = 音楽サービスがこの曲を作れませんでした。クレジットは戻りました。
songs-failure-lost-track = 音楽サービスがこの曲を見失いました。クレジットは戻りました。
songs-failure-bad-result = 音楽サービスから、投稿できる曲ではないものが返ってきました。クレジットは戻りました。
songs-failure-undeliverable = 曲はできましたが、Discord が受け付けなかったため、クレジットは戻りました。
songs-failure-unfetchable = 曲はできましたが、音楽サービスから取得できなかったため、クレジットは戻りました。
songs-failure-notice = { $state ->
        [expired] ジョブ { $job } の曲は期限切れになりました。{ $reason }
        [cancelled] ジョブ { $job } の曲はキャンセルされました。{ $reason }
       *[failed] ジョブ { $job } の曲は失敗しました。{ $reason }
    }
songs-failure-service-said = 音楽サービスからのメッセージ: { $detail }
songs-failure-fetch-link = リンクが有効なうちはまだダウンロードできます（期限 { DISCORD_TIME($at, style: "R") }）: { $url }
songs-failure-channel-note = <@{ $user }> ジョブ { $job } の曲はうまくいきませんでした。理由は `/{ cmd-song } { cmd-song-status } { cmd-song-status--job }:{ $job }` で確認できます。

# /曲 状況（本人のみ）。
songs-status-state-pending = 順番待ち
songs-status-state-submitting = 音楽サービスへ送信中
songs-status-state-submitted = 音楽サービスで順番待ち
songs-status-state-generating = 生成中
songs-status-state-completed = 仕上げ中
songs-status-state-delivered = 完成
songs-status-state-failed = 失敗
songs-status-state-expired = 期限切れ
songs-status-state-cancelled = キャンセル済み
songs-status-head = **ジョブ { $job }**: { $state } · { $elapsed }
songs-status-started = 開始 { DISCORD_TIME($at, style: "R") }
songs-status-took = 所要時間 { $duration }
songs-status-ready = 完成予定 { DISCORD_TIME($at, style: "R") }
songs-status-download = ダウンロード（完成から1日以内に期限切れ）: { $url }
songs-status-sent-by-dm = ダイレクトメッセージで送りました。
songs-status-posted = 投稿先: { $link }
songs-status-lyrics = 歌詞: { $lyrics }
songs-status-reference = 参照曲: `{ $name }`
songs-status-cancel-already = ジョブ { $job } はすでに終わっています（{ $state }）。
songs-status-cancel-finished = ジョブ { $job } はその間に終わりました。
songs-status-cancelled-refunded = ジョブ { $job } をキャンセルしました。投稿されません。クレジットは戻りました。
songs-status-cancelled-charged = ジョブ { $job } をキャンセルしました。投稿されません。曲はすでに制作中だったため、クレジットは使用済みです。

# /曲 一覧（本人のみ）。
songs-list-line = `{ $job }` { $icon } { $state } · { DISCORD_TIME($at, style: "R") } · { $lyrics }
songs-list-song-link = [曲]({ $link })
songs-list-card-link = [カード]({ $link })
songs-list-empty = ここにはまだあなたの曲がありません。`/{ cmd-song } { cmd-song-create }` を試してみてください。
songs-list-head = **ここでのあなたの曲**（{ $total } 曲中 { $first }–{ $last }、{ $pages } ページ中 { $page } ページ目）

# /曲 ギャラリー（本人のみ）。
songs-gallery-title-recent = ここでの新着曲
songs-gallery-title-top = ここでの人気曲（ジャムの得票順）
songs-gallery-empty-recent = このサーバーにはまだ曲が投稿されていません。`/{ cmd-song } { cmd-song-create }` で最初の曲を作りましょう。
songs-gallery-empty-top = ここにはまだジャムの票を得た曲がありません。`/{ cmd-jam }` の応募曲には{ jams-button-vote }ボタンが付きます。
songs-gallery-head = **{ $title }**（{ $total } 曲中 { $first }–{ $last }、{ $pages } ページ中 { $page } ページ目）
songs-gallery-untitled = 無題
songs-gallery-line = **{ $rank }.** [{ $title }]({ $link }) · <@{ $user }> · { DISCORD_TIME($at, style: "R") }
songs-gallery-votes = { $count }票

# songs: メンバーの入力と /song の非公開の返信。ここでのお断りはすべて非公開で、料金はかかりません。

## 歌詞・スタイル・タイトル（bot/songs/lyrics.py）
songs-input-control-character = { $field ->
        [lyrics] 歌詞
        [style] スタイルの説明
       *[title] タイトル
    }に制御文字（U+{ $code }）が含まれています。送信できない見えない文字です。削除して（その行を打ち直すと消えることが多いです）、もう一度お試しください。
songs-lyrics-empty = 歌詞が空です。少なくとも1行書いて、もう一度お試しください。
songs-lyrics-too-long = 歌詞が { $model } の上限 { NUMBER($limit, useGrouping: 0) } 文字を { $over } 文字超えています（{ $markers ->
        [yes] 改行と ## マーカー
       *[no] 改行
    }も数えます）。
songs-lyrics-too-short = 歌詞が短すぎます。{ $model } には { $min } 文字以上が必要ですが、{ $length } 文字です。
songs-style-not-taken = このボットの音楽モデル `{ $model }` はスタイルの説明を受け付けません。使えるのは歌詞と参照曲だけです。スタイルを外してもう一度お試しください。料金はかかっていません。
songs-style-not-taken-only = このボットの音楽モデル `{ $model }` はスタイルの説明を受け付けません（受け付けるのは { $takers } だけです）。使えるのは歌詞と参照曲だけです。スタイルを外してもう一度お試しください。料金はかかっていません。
songs-style-missing = { $model } にはスタイルの説明が必要です（例:「夢見心地なシンセポップ、やわらかい女性ボーカル」）。追加してもう一度お試しください。
songs-style-too-short = スタイルの説明が短すぎます。{ $model } には { $min } 文字以上が必要ですが、{ $length } 文字です。
songs-style-too-long = スタイルの説明が { $model } の上限 { NUMBER($limit, useGrouping: 0) } 文字を { $over } 文字超えています。
songs-title-line-break = タイトルは1行に収めてください。改行を削除して、もう一度お試しください。
songs-title-mention = タイトルで誰かをメンションすることはできません（@everyone、@here、メンバー、ロール、チャンネルは使えません）。普通の文字で書いて、もう一度お試しください。
songs-title-too-long = タイトルが上限 { $limit } 文字を { $over } 文字超えています。

## 参照曲（bot/songs/reference.py）
songs-formats-or = { $rest } または { $last }
songs-reference-wrong-extension = 参照曲には { $formats } ファイルを使ってください。
songs-reference-not-audio = Discord によると、このファイルは音声ではありません。参照曲には { $formats } ファイルを使ってください。
songs-reference-claimed-other = ファイル名は .{ $extension } ですが、Discord によると { $kind } 音声です。{ $formats } ファイルとして書き出し直して、もう一度お試しください。
songs-reference-empty = 参照ファイルが空です。もう一度アップロードしてください。
songs-reference-too-large = 参照ファイルが大きすぎます（上限は { $megabytes } MB）。短いクリップか、小さめに書き出したファイルをアップロードしてください。
songs-reference-unreadable = このファイルは読み取れる音声ファイルではありません。{ $formats } ファイルとして書き出し直して、もう一度お試しください。
songs-reference-misnamed = ファイル名は .{ $extension } ですが、実際は { $kind } 音声です。名前を .{ $real } に変えるか、.{ $extension } として書き出し直してください。
songs-reference-misnamed-unsupported = ファイル名は .{ $extension } ですが、実際は { $kind } 音声です。{ $model } は { $kind } を受け付けません。{ $formats } ファイルを使ってください。
songs-reference-fetch-failed = Discord からファイルを受け取れませんでした。もう一度アップロードしてください。
songs-reference-too-short = 参照曲は{ $min }より長くしてください（このファイルは{ $length }です）。
songs-reference-too-long = 参照曲は最長{ $max }までです。このファイルは長すぎるので、短くしてもう一度アップロードしてください。
songs-span-seconds = { $seconds }秒
songs-span-minutes = { $minutes }分
songs-length-seconds = { NUMBER($seconds, minimumFractionDigits: 1) }秒
songs-length-minutes = { $minutes }分{ $seconds }秒

## /song create と「これで曲を作る」
songs-reference-missing = `{ cmd-song-create--reference }:` で参照曲を添付するか、`/{ cmd-song } { cmd-song-create }` だけを実行してフォームを使ってください。
songs-no-audio-in-message = このメッセージには曲を作れる音声ファイルがありません。{ $formats } ファイルが添付されている必要があります。
songs-database-busy = 少し混み合っています（データベースが使用中です）。料金はかかっていません。しばらくしてからもう一度お試しください。
songs-queued = ジョブ { $job } として受け付けました。{ $note }曲ができたらこのチャンネルに投稿します。

## /song status、list、gallery、cancel
songs-job-choice = { $job }: { $state ->
        [pending] 待機中
        [submitting] 送信中
        [submitted] 送信済み
        [completed] 完成
        [delivered] 投稿済み
        [failed] 失敗
        [expired] 期限切れ
        [cancelled] キャンセル済み
       *[other] { $state }
    } · { $reference }
songs-job-not-found = あなたのジョブの中にそのジョブが見つかりません。
songs-list-not-yours = ページをめくれるのは、この曲の持ち主のメンバーだけです。自分の曲は `/{ cmd-song } { cmd-song-list }` で見られます。
songs-page-previous = ‹ 前へ
songs-page-next = 次へ ›
songs-gallery-tab-recent = 新着
songs-gallery-tab-top = 人気

## フォーム
songs-form = 曲を作る
songs-form-reference = 参照曲
songs-form-reference-hint = 音楽とボーカル入りの { $formats } ファイル
songs-form-lyrics = 歌詞
songs-form-lyrics-hint = { $max } 文字まで
songs-form-lyrics-placeholder = 1行に1フレーズ。空行で間が空きます。
songs-form-style = スタイル
songs-form-style-placeholder = 例: アップテンポなシンセポップ、女性ボーカル
songs-form-title = タイトル
songs-form-title-placeholder = 空欄なら歌詞の最初の行を使います
songs-form-reference-needed = 参照曲を添付してください。
songs-cover-form = スタイルを変えてカバー
songs-cover-form-style-hint = { $min }〜{ $max } 文字

## 投稿された曲の下（サーバーの言語）と、最後のクレジットを使う前の確認（非公開）
songs-button-again = もう一度
songs-button-edit-lyrics = 歌詞を編集
songs-button-cover = スタイルを変えてカバー
songs-button-confirm = 作る
songs-button-cancel = やめる

## ボタンへの非公開の返信（bot/songs/ui/remake.py）
songs-remake-not-yours = { $action ->
        [again] この曲をもう一度作れる
        [edit] この曲の歌詞を編集できる
       *[cover] この曲をカバーできる
    }のは <@{ $user }> さんだけです。自分の曲は `/{ cmd-song } { cmd-song-create }` で作れます。
songs-remake-song-gone = その曲はもう記録に残っていないため、何も作りませんでした。新しい曲は `/{ cmd-song } { cmd-song-create }` で作れます。
songs-remake-reference-gone = その参照曲はもう Discord にありません。ファイルを添えてもう一度 `/{ cmd-song } { cmd-song-create }` を実行してください。料金はかかっていません。
songs-remake-reference-unknown = その曲は、参照曲の情報を保存するようになる前に作られました。ファイルを添えてもう一度 `/{ cmd-song } { cmd-song-create }` を実行してください。料金はかかっていません。
songs-remake-discord-down = 参照曲のリンクを更新するために Discord に接続できなかったため、何も作らず、料金もかかっていません。少し待ってからもう一度お試しください。
songs-remake-last-credit = 今日の最後のクレジットを使います。作りますか？
songs-remake-making-again = もう一度作っています…
songs-remake-not-made = 何も作らず、料金もかかっていません。
