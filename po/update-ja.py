#!/usr/bin/env python3
# Fills po/ja.po from the translation table below after xgettext/msgmerge.
# Usage: po/update-ja.py  (run from the source root)
import re
import subprocess

TRANSLATIONS = {
    "Watch this network interface live": "このネットワークインターフェースをリアルタイムで監視する",
    "IFACE": "インターフェース",
    "Only capture packets matching this BPF filter": "この BPF フィルターに一致するパケットだけを取り込む",
    "FILTER": "フィルター",
    "Analyse a pcap or pcapng file and exit (repeatable)": "pcap または pcapng ファイルを解析して終了する（複数指定可）",
    "FILE": "ファイル",
    "Print a report when done: json or text": "終了時にレポートを出力する: json または text",
    "FORMAT": "形式",
    "Keep results in this folder (default: a temporary store)": "結果をこのフォルダーに保存する（既定: 一時的な保存先）",
    "DIR": "フォルダー",
    "Folder of the IEEE OUI registry (oui.csv)": "IEEE OUI 登録簿（oui.csv）のフォルダー",
    "Folder of the signature files": "シグネチャファイルのフォルダー",
    "User to run as once the capture is open": "キャプチャを開いた後に切り替える実行ユーザー",
    "USER": "ユーザー",
    "Most flows tracked at once (memory bound)": "同時に追跡するフローの上限（メモリの上限）",
    "N": "数",
    "Stop live capture after this many seconds": "リアルタイム監視をこの秒数で終了する",
    "SECONDS": "秒数",
    "Show more detail": "詳しい情報を表示する",
    "Mark a device as the household's own (needs --state-dir) and exit": "機器を家族のものとして登録して終了する（--state-dir が必要）",
    "MAC": "MACアドレス",
    "--mark-known needs --state-dir": "--mark-known には --state-dir が必要です",
    "yamorid: \"%s\" is not a MAC address like 00:11:22:33:44:55\n": "yamorid: 「%s」は 00:11:22:33:44:55 のような MAC アドレスではありません\n",
    "Only build the inventory, without detectors (for benchmarks)": "検知を行わず機器の一覧だけを作る（性能測定用）",
    "Show the version": "バージョンを表示する",
    "- the Yamori home network monitor": "- 家守（Yamori）ホームネットワーク見守り",
    "--report must be json or text": "--report には json か text を指定してください",
    "give either --interface or --read": "--interface と --read のどちらか一方を指定してください",
    "Router": "ルーター",
    "Computer": "パソコン",
    "Phone": "スマートフォン",
    "Tablet": "タブレット",
    "TV": "テレビ",
    "Streaming device": "動画配信端末",
    "Smart speaker": "スマートスピーカー",
    "Camera": "カメラ",
    "Printer": "プリンター",
    "Network storage": "ネットワークストレージ（NAS）",
    "Smart plug": "スマートプラグ",
    "Light": "照明",
    "Door lock": "ドアロック",
    "Thermostat": "温度調節器（サーモスタット）",
    "Smart-home hub": "スマートホームのハブ",
    "Game console": "ゲーム機",
    "Smart-home device": "スマートホーム機器",
    "Unknown device": "種類の分からない機器",
    "Yamori: devices in this home network": "家守: この家のネットワークにある機器",
    "Maker:": "メーカー:",
    "unknown (private MAC address)": "不明（プライベート MAC アドレス）",
    "unknown": "不明",
    "Model:": "型番:",
    "System:": "OS:",
    "Firmware:": "ファームウェア:",
    "Address:": "アドレス:",
    "This is the gateway to the internet.": "これはインターネットへの出入口（ゲートウェイ）です。",
    "What needs your attention:": "対応が必要なこと:",
    "Nothing needs your attention.": "対応が必要なことはありません。",
    "Analysed %lu packet covering %.0f seconds.\n": "%lu 個のパケット（%.0f 秒分）を解析しました。\n",
    "Found %u device:\n": "%u 台の機器が見つかりました:\n",
    "%lu malformed or cut-short packet was skipped safely.\n":
        "壊れている、または途中で切れている %lu 個のパケットは安全に読み飛ばしました。\n",
    "Install signed signature updates and show the active set":
        "署名付きのシグネチャ更新をインストールし、使用中のセットを表示する",
    "Usage: yamorictl COMMAND [OPTION…]": "使い方: yamorictl コマンド [オプション…]",
    "Commands:": "コマンド:",
    "Run \"yamorictl COMMAND --help\" for the options of a command.":
        "各コマンドのオプションは「yamorictl コマンド --help」で表示されます。",
    "unknown command \"%s\"; see yamorictl --help":
        "「%s」というコマンドはありません。yamorictl --help を参照してください",
    "none": "なし",
    "The minisign signature (default: BUNDLE.minisig)": "minisign の署名ファイル（既定: BUNDLE.minisig）",
    "The daemon's state folder (default: /var/lib/yamori)": "デーモンの状態フォルダー（既定: /var/lib/yamori）",
    "Trust this minisign key instead of the packaged ones (repeatable)":
        "同梱の鍵の代わりにこの minisign 公開鍵を信頼する（複数指定可）",
    "signatures install BUNDLE": "signatures install バンドル",
    "Check a signed signature bundle and make it the active set.":
        "署名付きシグネチャバンドルを検証し、使用するセットにします。",
    "give exactly one bundle file": "バンドルファイルを 1 つだけ指定してください",
    "the bundle was not installed: %s": "バンドルはインストールされませんでした: %s",
    "Installed signatures version %s.\n": "シグネチャのバージョン %s をインストールしました。\n",
    "Reload the daemon to use them: systemctl reload yamorid":
        "使用するにはデーモンを再読み込みしてください: systemctl reload yamorid",
    "Show which signature set the daemon uses.": "デーモンが使用しているシグネチャのセットを表示します。",
    "status takes no file": "status にはファイルを指定できません",
    "Active signatures: the installed bundle": "使用中のシグネチャ: インストールされたバンドル",
    "Active signatures: the set packaged with Yamori": "使用中のシグネチャ: 家守に同梱のセット",
    "Version: %s\n": "バージョン: %s\n",
    "Path: %s\n": "パス: %s\n",
    "Usage:": "使い方:",
    "unknown signatures command \"%s\" (install or status)":
        "signatures に「%s」というコマンドはありません（install か status を指定してください）",
    "Configuration file (default: /etc/yamori/yamori.conf)": "設定ファイル（既定: /etc/yamori/yamori.conf）",
    "%s is not a folder; name the store with --state-dir": "%s はフォルダーではありません。--state-dir で保存先を指定してください",
    "The store to work on (default: the daemon's)": "作業する保存先（既定: デーモンの保存先）",
    "PATH… - import advisory files or folders": "パス… - 脆弱性情報のファイルやフォルダーを取り込む",
    "name at least one advisory file or folder": "脆弱性情報のファイルかフォルダーを1つ以上指定してください",
    "%s: %u advisories from %u files (%u skipped, %u failed)\n": "%s: %u 件の脆弱性情報を %u 個のファイルから取り込みました（対象外 %u、失敗 %u）\n",
    "No advisory in the store names %s %s.\n": "%s %s に当てはまる脆弱性情報は保存先にありません。\n",
    " fixed in %s": " 修正版 %s",
    "The maker": "メーカー",
    "VENDOR": "メーカー",
    "The model name": "型番",
    "MODEL": "型番",
    "The hardware revision on the label": "ラベルに書かれたハードウェアのバージョン",
    "REV": "版",
    "The firmware version installed": "入っているファームウェアのバージョン",
    "VERSION": "バージョン",
    "Print JSON": "JSON で出力する",
    "- which advisories concern a device": "- 機器に関係する脆弱性情報を調べる",
    "--vendor and --model are needed": "--vendor と --model を指定してください",
    "Only this source: jvn, kev, nvd, cve5, csaf (repeatable)": "この情報源だけ: jvn, kev, nvd, cve5, csaf（複数指定可）",
    "SOURCE": "情報源",
    "- fetch the advisory feeds now": "- 脆弱性情報を今すぐ取得する",
    "- what the advisory store holds": "- 保存されている脆弱性情報の状況",
    "%ld advisories (%ld product entries)\n": "脆弱性情報 %ld 件（製品の記載 %ld 件）\n",
    "Import advisory files or folders (offline)": "脆弱性情報のファイルやフォルダーを取り込む（オフライン）",
    "Which advisories concern a device, without a capture": "機器に関係する脆弱性情報を調べる（キャプチャ不要）",
    "Fetch the advisory feeds now": "脆弱性情報を今すぐ取得する",
    "What the advisory store holds and when feeds were fetched": "保存されている脆弱性情報と、最後に取得した日時",
    "Forget what was set and go back to what Yamori sees": "設定した内容を消し、家守が見つけた情報に戻す",
    "MAC - set or correct a device's model and firmware": "MACアドレス - 機器の型番やファームウェアを設定・訂正する",
    "name one device by its MAC address": "機器を1台、MAC アドレスで指定してください",
    "yamorictl: \"%s\" is not a MAC address like 00:11:22:33:44:55\n": "yamorictl: 「%s」は 00:11:22:33:44:55 のような MAC アドレスではありません\n",
    "give --model, --firmware, --vendor or --hw-rev, or --clear": "--model、--firmware、--vendor、--hw-rev のいずれか、または --clear を指定してください",
    "Import, fetch and match vulnerability advisories": "脆弱性情報の取り込み・取得・照合",
    "Set or correct a device's model and firmware": "機器の型番やファームウェアを設定・訂正する",
    "Usage: yamorictl %s COMMAND [OPTION…]": "使い方: yamorictl %s コマンド [オプション…]",
    "unknown %s command \"%s\"; see yamorictl %s --help": "%1$s のコマンド「%2$s」はありません。yamorictl %3$s --help をご覧ください",
    "    Fixed firmware: %s or later.\n": "    修正済みのファームウェア: %s 以降\n",
    " [may be affected]": " ［影響を受けるおそれ］",
    "  %-5s %6ld advisories %7ld entries\n": "  %-5s 脆弱性情報 %6ld 件、製品の記載 %7ld 件\n",
}


def esc(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def main():
    subprocess.run(["xgettext", "--from-code=UTF-8", "--keyword=_", "--keyword=N_",
                    "--keyword=ngettext:1,2", "--add-comments=TRANSLATORS:",
                    "--package-name=yamori", "-o", "po/yamori.pot", "-f", "po/POTFILES.in"],
                   check=True)
    subprocess.run(["msgmerge", "--quiet", "--update", "--no-fuzzy-matching", "--backup=none",
                    "po/ja.po", "po/yamori.pot"], check=True)
    with open("po/ja.po", encoding="utf-8") as f:
        po = f.read()
    po = po.replace("charset=ASCII", "charset=UTF-8")
    po = po.replace("Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;",
                    "Plural-Forms: nplurals=1; plural=0;")
    for source, target in TRANSLATIONS.items():
        # only an empty translation: "" followed by a blank line or the end
        single = re.compile(r'(msgid "%s"\nmsgstr )""(?=\n\n|\n?$)' % re.escape(esc(source)))
        plural = re.compile(r'(msgid "%s"\nmsgid_plural "[^"]*"\nmsgstr\[0\] )""(?=\n\n|\n?$)'
                            % re.escape(esc(source)))
        po = single.sub(lambda m: m.group(1) + '"%s"' % esc(target), po)
        po = plural.sub(lambda m: m.group(1) + '"%s"' % esc(target), po)
    with open("po/ja.po", "w", encoding="utf-8") as f:
        f.write(po)


if __name__ == "__main__":
    main()
